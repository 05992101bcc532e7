import { html } from 'htm/preact';
import { formatCount, formatMs } from '../lib/format';
import { formatVital, type PerformanceRow, VITALS } from '../lib/performance';
import { Link, navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';

const PERIODS = ['1h', '24h', '7d', '30d', '90d'];

function setParam(query: URLSearchParams, name: string, value: string) {
  const next = new URLSearchParams(query);
  next.set(name, value);
  navigate(`${location.pathname}?${next}`, true);
}

/** Pages and endpoints: p75 vitals rated by colour, score, count, p95; sortable. */
export function PerformancePage(props: { projectId: string }) {
  const { query } = useLocation();
  const period = query.get('period') ?? '24h';
  const sort = query.get('sort') ?? 'p95';
  const params = new URLSearchParams({ period, sort });
  if (query.get('query')) params.set('query', query.get('query') ?? '');
  const rows = useApi<PerformanceRow[]>(
    `/api/0/projects/${props.projectId}/performance/?${params}`,
  );
  const header = (key: string, label: string) =>
    html`<th class="num" aria-sort=${sort === key ? 'descending' : undefined}>
      <button type="button" class="link" onClick=${() => setParam(query, 'sort', key)}>${label}</button>
    </th>`;
  return html`<h1>Performance</h1>
    <div class="filters">
      <div class="segmented" role="group" aria-label="Period">
        ${PERIODS.map((value) => html`<button type="button" aria-pressed=${period === value} onClick=${() => setParam(query, 'period', value)}>${value}</button>`)}
      </div>
    </div>
    ${rows.error && html`<p class="error" role="alert">${rows.error}</p>`}
    ${rows.data?.length === 0 && html`<p class="empty">No transactions in this period. Turn tracing on in an SDK (tracesSampleRate).</p>`}
    ${
      rows.data &&
      rows.data.length > 0 &&
      html`<div class="scroll-x"><table class="performance">
        <thead><tr>
          <th>Transaction</th>
          ${VITALS.map((vital) => header(vital, vital.toUpperCase()))}
          ${header('score', 'Score')}
          ${header('count', 'Count')}
          ${header('p95', 'p95')}
        </tr></thead>
        <tbody>
          ${rows.data.map(
            (row) => html`<tr key=${`${row.op}:${row.name}`}>
              <td>
                <${Link} href=${`/projects/${props.projectId}/performance/${encodeURIComponent(row.name)}`}>${row.name}<//>
                <div class="muted small">${row.op}</div>
              </td>
              ${VITALS.map((vital) => {
                const figures = row.vitals?.[vital];
                return html`<td class=${`num rating-${figures?.rating ?? 'none'}`}>${formatVital(vital, figures?.p75)}</td>`;
              })}
              <td class="num">${row.score === null || row.score === undefined ? '—' : Math.round(row.score)}</td>
              <td class="num">${formatCount(row.count)}</td>
              <td class="num">${formatMs(row.p95)}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>`
    }`;
}
