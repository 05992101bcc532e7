import { html } from 'htm/preact';
import { useMemo } from 'preact/hooks';
import { Chart } from '../components/Chart';
import { VitalValue } from '../components/VitalValue';
import { formatCount, formatDate, formatMs } from '../lib/format';
import { type PerformanceSummary, VITALS } from '../lib/performance';
import { Link, navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/useApi';

const PERIODS = ['1h', '24h', '7d', '30d', '90d'];
const TIME_VITALS = VITALS.filter((vital) => vital !== 'cls');

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * One transaction over a period, from the summary API: its figures and vitals,
 * charts of count, duration percentiles and vitals over time, the time spent
 * per span op, and its slowest samples linking to their traces.
 */
export function TransactionPage(props: { projectId: string; transaction: string }) {
  const { query } = useLocation();
  const period = query.get('period') ?? '24h';
  const params = new URLSearchParams({ transaction: props.transaction, period });
  const summary = useApi<PerformanceSummary>(
    `/api/0/projects/${props.projectId}/performance/summary/?${params}`,
  );
  const series = summary.data?.series ?? [];
  const charts = useMemo(
    () => ({
      times: series.map((point) => point.t),
      counts: [{ label: 'count', values: series.map((point) => point.count) }],
      durations: (['p50', 'p75', 'p95'] as const).map((label) => ({
        label,
        values: series.map((point) => point[label]),
      })),
      vitals: TIME_VITALS.map((vital) => ({
        label: `p75 ${vital.toUpperCase()}`,
        values: series.map((point) => point.vitals[vital] ?? null),
      })),
      cls: [{ label: 'p75 CLS', values: series.map((point) => point.vitals.cls ?? null) }],
    }),
    [series],
  );
  const data = summary.data;
  const ops = Object.entries(data?.spanOps ?? {}).sort((a, b) => b[1].ms - a[1].ms);
  const hasVitals = VITALS.some((vital) => data?.vitals[vital]?.p75 !== null);
  return html`<p class="crumbs"><${Link} href=${`/projects/${props.projectId}/performance${period === '24h' ? '' : `?period=${period}`}`}>← Performance<//></p>
    <h1 class="issue-title">${props.transaction}</h1>
    <div class="segmented" role="group" aria-label="Period">
      ${PERIODS.map((value) => html`<button type="button" aria-pressed=${period === value} onClick=${() => navigate(`${location.pathname}${value === '24h' ? '' : `?period=${value}`}`, true)}>${value}</button>`)}
    </div>
    ${summary.error && html`<p class="error" role="alert">${summary.error}</p>`}
    ${
      data &&
      html`<dl class="facts">
        <div><dt>Op</dt><dd>${data.op ?? '—'}</dd></div>
        <div><dt>Count</dt><dd>${formatCount(data.count)}</dd></div>
        <div><dt>p50</dt><dd>${formatMs(data.p50)}</dd></div>
        <div><dt>p75</dt><dd>${formatMs(data.p75)}</dd></div>
        <div><dt>p95</dt><dd>${formatMs(data.p95)}</dd></div>
        <div><dt>Failure rate</dt><dd>${percent(data.failureRate ?? 0)}</dd></div>
        <div><dt>Apdex</dt><dd>${data.apdex === null ? '—' : data.apdex.toFixed(2)}</dd></div>
        <div><dt>Score</dt><dd>${data.score === null ? '—' : Math.round(data.score)}</dd></div>
        ${hasVitals && VITALS.map((vital) => html`<div><dt>p75 ${vital.toUpperCase()}</dt><dd><${VitalValue} vital=${vital} figures=${data.vitals[vital]} /></dd></div>`)}
      </dl>
      <div class="grid-2">
        <section class="card"><h2>Count</h2><${Chart} times=${charts.times} series=${charts.counts} label="Transactions over time" /></section>
        <section class="card"><h2>Duration</h2><${Chart} times=${charts.times} series=${charts.durations} kind="line" label="Duration p50, p75 and p95 over time" format=${formatMs} /></section>
        ${
          hasVitals &&
          html`<section class="card"><h2>Web vitals (p75)</h2><${Chart} times=${charts.times} series=${charts.vitals} kind="line" label="LCP, INP, FCP and TTFB p75 over time" format=${formatMs} /></section>
          <section class="card"><h2>CLS (p75)</h2><${Chart} times=${charts.times} series=${charts.cls} kind="line" label="CLS p75 over time" format=${(value: number) => value.toFixed(2)} /></section>`
        }
      </div>
      <div class="grid-2">
        <section class="card">
          <h2>Time spent by span op</h2>
          ${ops.length === 0 && html`<p class="muted">No spans.</p>`}
          <ul class="tag-bars span-ops">
            ${ops.map(([op, { ms, share }]) => html`<li><span class="bar-label">${op}</span><span class="bar-track"><span class="bar" style=${{ width: `${Math.min(100, share * 100).toFixed(1)}%` }}></span></span><span class="num">${percent(share)} · ${formatMs(ms)}</span></li>`)}
          </ul>
        </section>
        <section class="card">
          <h2>Slowest samples</h2>
          ${data.slowest.length === 0 && html`<p class="muted">None kept in this period.</p>`}
          <ol class="samples">
            ${data.slowest.map(
              (sample) => html`<li>
                <${Link} href=${`/projects/${props.projectId}/traces/${sample.traceId}`}>${formatMs(sample.durationMs)} · trace ${sample.traceId.slice(0, 8)}<//>
                <span class="muted small"> ${formatDate(sample.timestamp)}</span>
              </li>`,
            )}
          </ol>
        </section>
      </div>`
    }`;
}
