import { html } from 'htm/preact';
import { FilterField } from '../components/FilterField';
import { VitalValue } from '../components/VitalValue';
import { formatCount, formatMs } from '../lib/format';
import {
  PERFORMANCE_SORTS,
  type PerformanceRow,
  type PerformanceSort,
  VITALS,
} from '../lib/performance';
import { Link, navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';

const PERIODS = ['1h', '24h', '7d', '30d', '90d'];
const DEFAULT_SORT: PerformanceSort = 'p95';

const SORT_LABELS: Record<PerformanceSort, string> = {
  p95: 'p95 duration',
  p75: 'p75 duration',
  count: 'Count',
  opportunity: 'Opportunity',
  lcp: 'LCP',
  inp: 'INP',
  cls: 'CLS',
  fcp: 'FCP',
  ttfb: 'TTFB',
};

/** The page's state lives in the URL (bookmarkable); a default value leaves it out. */
function withParam(query: URLSearchParams, name: string, value: string, fallback = '') {
  const next = new URLSearchParams(query);
  if (value && value !== fallback) next.set(name, value);
  else next.delete(name);
  const search = next.toString();
  return `${location.pathname}${search ? `?${search}` : ''}`;
}

function readSort(query: URLSearchParams): PerformanceSort {
  const sort = query.get('sort') as PerformanceSort | null;
  return sort && PERFORMANCE_SORTS.includes(sort) ? sort : DEFAULT_SORT;
}

const fixed = (value: number | null | undefined, digits: number) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);

/**
 * Pages and endpoints over a period: p75 web vitals rated good / needs
 * improvement / poor, score, Apdex, count, duration percentiles and the
 * opportunity, sorted by any of the API's sorts (worst first).
 */
export function PerformancePage(props: { projectId: string }) {
  const { query } = useLocation();
  const period = query.get('period') ?? '24h';
  const sort = readSort(query);
  const params = new URLSearchParams({ period, sort });
  for (const name of ['query', 'environment', 'release', 'op']) {
    const value = query.get(name);
    if (value) params.set(name, value);
  }
  const rows = useApi<PerformanceRow[]>(
    `/api/0/projects/${props.projectId}/performance/?${params}`,
  );
  const setParam = (name: string, value: string, fallback = '') =>
    navigate(withParam(query, name, value, fallback), true);
  const onSearch = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const next = new URLSearchParams(query);
    for (const name of ['query', 'environment', 'release', 'op']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) next.set(name, value);
      else next.delete(name);
    }
    navigate(`${location.pathname}?${next}`, true);
  };
  const header = (key: PerformanceSort, label: string, title: string) =>
    html`<th class="num" scope="col" aria-sort=${sort === key ? 'descending' : undefined}>
      <button type="button" class="link sort" title=${title} aria-pressed=${sort === key} onClick=${() => setParam('sort', key, DEFAULT_SORT)}>
        ${label}${sort === key ? ' ↓' : ''}
      </button>
    </th>`;
  const link = (row: PerformanceRow) =>
    `/projects/${props.projectId}/performance/${encodeURIComponent(row.name)}${period === '24h' ? '' : `?period=${period}`}`;
  return html`<h1>Performance</h1>
    <div class="filters">
      <div class="segmented" role="group" aria-label="Period">
        ${PERIODS.map((value) => html`<button type="button" aria-pressed=${period === value} onClick=${() => setParam('period', value, '24h')}>${value}</button>`)}
      </div>
      <form class="search" onSubmit=${onSearch} role="search">
        <${FilterField} name="query" label="Transaction name contains" placeholder="Transaction" query=${query} grow />
        <${FilterField} name="op" label="Op" placeholder="op (pageload, http.server…)" query=${query} />
        <${FilterField} name="environment" label="Environment" placeholder="environment" query=${query} />
        <${FilterField} name="release" label="Release" placeholder="release" query=${query} />
        <button type="submit">Filter</button>
      </form>
      <div class="selects">
        <label>
          Sort by
          <select name="sort" value=${sort} onChange=${(event: Event) => setParam('sort', (event.target as HTMLSelectElement).value, DEFAULT_SORT)}>
            ${PERFORMANCE_SORTS.map((value) => html`<option value=${value}>${SORT_LABELS[value]}${VITALS.includes(value as never) ? ' p75' : ''}</option>`)}
          </select>
        </label>
      </div>
    </div>
    ${rows.error && html`<p class="error" role="alert">${rows.error}</p>`}
    ${rows.data?.length === 0 && html`<p class="empty">No transactions in this period. Turn tracing on in an SDK (tracesSampleRate).</p>`}
    ${
      rows.data &&
      rows.data.length > 0 &&
      html`<div class="scroll-x"><table class="performance">
        <caption class="visually-hidden">Transactions, sorted by ${SORT_LABELS[sort]}, worst first</caption>
        <thead><tr>
          <th scope="col">Transaction</th>
          ${VITALS.map((vital) => header(vital, vital.toUpperCase(), `p75 ${vital.toUpperCase()}, worst first`))}
          <th class="num" scope="col" title="Performance score 0–100">Score</th>
          <th class="num" scope="col" title="Apdex 0–1">Apdex</th>
          ${header('count', 'Count', 'Most transactions first')}
          ${header('p75', 'p75', 'p75 duration, slowest first')}
          ${header('p95', 'p95', 'p95 duration, slowest first')}
          ${header('opportunity', 'Opportunity', 'Score points the project would gain were this page perfect')}
        </tr></thead>
        <tbody>
          ${rows.data.map(
            (row) => html`<tr key=${`${row.op}:${row.name}`}>
              <th scope="row" class="name-cell">
                <${Link} href=${link(row)}>${row.name}<//>
                <div class="muted small">${row.op}${row.errors > 0 ? html` · <span class="error-count">${formatCount(row.errors)} ${row.errors === 1 ? 'error' : 'errors'}</span>` : ''}</div>
              </th>
              ${VITALS.map((vital) => html`<td class="num"><${VitalValue} vital=${vital} figures=${row.vitals?.[vital]} /></td>`)}
              <td class="num">${row.score === null ? '—' : Math.round(row.score)}</td>
              <td class="num">${fixed(row.apdex, 2)}</td>
              <td class="num">${formatCount(row.count)}</td>
              <td class="num">${formatMs(row.p75)}</td>
              <td class="num">${formatMs(row.p95)}</td>
              <td class="num">${fixed(row.opportunity, 1)}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>`
    }`;
}
