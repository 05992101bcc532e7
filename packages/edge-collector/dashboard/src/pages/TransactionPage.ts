import { html } from 'htm/preact';
import { useMemo } from 'preact/hooks';
import { Chart } from '../components/Chart';
import { formatMs } from '../lib/format';
import { pointVital, type SummaryPoint, VITALS } from '../lib/performance';
import { Link, navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';

interface Summary {
  series: SummaryPoint[];
  /** The slowest sample transactions, by id (or objects carrying one). */
  slowest?: (string | { eventId: string })[];
  samples?: (string | { eventId: string })[];
  breakdown?: Record<string, number> | { op: string; share: number }[];
}

interface TransactionListing {
  eventId: string;
  traceId: string | null;
  durationMs: number;
  timestamp: string;
}

const idOf = (sample: string | { eventId: string }) =>
  typeof sample === 'string' ? sample : sample.eventId;

/** One transaction over time: count and duration percentiles, vitals, slowest samples, span ops. */
export function TransactionPage(props: { projectId: string; transaction: string }) {
  const { query } = useLocation();
  const period = query.get('period') ?? '24h';
  const params = new URLSearchParams({ transaction: props.transaction, period });
  const summary = useApi<Summary>(
    `/api/0/projects/${props.projectId}/performance/summary/?${params}`,
  );
  const listing = useApi<TransactionListing[]>(`/api/0/projects/${props.projectId}/transactions/`);
  const series = summary.data?.series ?? [];
  const times = useMemo(() => series.map((point) => point.t), [series]);
  const durations = useMemo(
    () => [
      { label: 'p50', values: series.map((point) => point.p50) },
      { label: 'p75', values: series.map((point) => point.p75) },
      { label: 'p95', values: series.map((point) => point.p95) },
    ],
    [series],
  );
  const counts = useMemo(
    () => [{ label: 'count', values: series.map((point) => point.count) }],
    [series],
  );
  const vitals = useMemo(
    () =>
      VITALS.filter((vital) => vital !== 'cls').map((vital) => ({
        label: `p75 ${vital.toUpperCase()}`,
        values: series.map((point) => pointVital(point, vital)),
      })),
    [series],
  );
  const samples = (summary.data?.slowest ?? summary.data?.samples ?? []).map(idOf);
  const byId = new Map((listing.data ?? []).map((entry) => [entry.eventId, entry]));
  const breakdown = summary.data?.breakdown;
  const shares = Array.isArray(breakdown)
    ? breakdown.map((entry) => [entry.op, entry.share] as const)
    : Object.entries(breakdown ?? {});
  return html`<p class="crumbs"><${Link} href=${`/projects/${props.projectId}/performance`}>← Performance<//></p>
    <h1 class="issue-title">${props.transaction}</h1>
    <div class="segmented" role="group" aria-label="Period">
      ${['24h', '7d', '30d'].map((value) => html`<button type="button" aria-pressed=${period === value} onClick=${() => navigate(`${location.pathname}?period=${value}`, true)}>${value}</button>`)}
    </div>
    ${summary.error && html`<p class="error" role="alert">${summary.error}</p>`}
    ${
      summary.data &&
      html`<div class="grid-2">
        <section class="card"><h2>Duration</h2><${Chart} times=${times} series=${durations} kind="line" label="Duration percentiles over time" format=${formatMs} /></section>
        <section class="card"><h2>Count</h2><${Chart} times=${times} series=${counts} label="Transactions over time" /></section>
        <section class="card"><h2>Web vitals (p75)</h2><${Chart} times=${times} series=${vitals} kind="line" label="Web vitals p75 over time" format=${formatMs} /></section>
        <section class="card">
          <h2>Time spent by span op</h2>
          ${shares.length === 0 && html`<p class="muted">No spans.</p>`}
          <ul class="tag-bars">
            ${shares.map(([op, share]) => html`<li><span class="bar-label">${op}</span><span class="bar-track"><span class="bar" style=${{ width: `${(Number(share) * 100).toFixed(1)}%` }}></span></span><span class="num">${Math.round(Number(share) * 100)}%</span></li>`)}
          </ul>
        </section>
      </div>
      <section class="card">
        <h2>Slowest samples</h2>
        ${samples.length === 0 && html`<p class="muted">None kept.</p>`}
        <ol>
          ${samples.map((id) => {
            const entry = byId.get(id);
            return html`<li>
              ${entry?.traceId ? html`<${Link} href=${`/projects/${props.projectId}/traces/${entry.traceId}`}>${formatMs(entry.durationMs)} · trace ${entry.traceId.slice(0, 8)}<//>` : html`<code>${id}</code>`}
            </li>`;
          })}
        </ol>
      </section>`
    }`;
}
