import { html } from 'htm/preact';
import { type TraceError, type TraceTransaction, Waterfall } from '../components/Waterfall';
import { formatDate, formatMs } from '../lib/format';
import { toMs } from '../lib/performance';
import { Link } from '../lib/router';
import { useApi } from '../lib/useApi';

interface Trace {
  traceId: string;
  transactions: TraceTransaction[];
  errors: TraceError[];
}

/** A whole trace: its facts, its waterfall (browser and backend), and the errors that happened in it. */
export function TracePage(props: { projectId: string; traceId: string }) {
  const trace = useApi<Trace>(`/api/0/projects/${props.projectId}/traces/${props.traceId}/`);
  const data = trace.data;
  const times = (data?.transactions ?? []).flatMap((t) => [
    toMs(t.startTimestamp),
    toMs(t.timestamp),
  ]);
  const spanCount = (data?.transactions ?? []).reduce((sum, t) => sum + t.spans.length, 0);
  return html`<p class="crumbs"><${Link} href=${`/projects/${props.projectId}/performance`}>← Performance<//></p>
    <h1>Trace <code class="trace-id">${props.traceId}</code></h1>
    ${trace.error && html`<p class="error" role="alert">${trace.error}</p>`}
    ${
      data &&
      html`<dl class="facts">
        <div><dt>Started</dt><dd>${times.length ? formatDate(Math.min(...times)) : '—'}</dd></div>
        <div><dt>Duration</dt><dd>${times.length ? formatMs(Math.max(...times) - Math.min(...times)) : '—'}</dd></div>
        <div><dt>Transactions</dt><dd>${data.transactions.length}</dd></div>
        <div><dt>Spans</dt><dd>${spanCount}</dd></div>
        <div><dt>Errors</dt><dd class=${data.errors.length > 0 ? 'error-count' : ''}>${data.errors.length}</dd></div>
      </dl>
      <section class="card"><h2>Waterfall</h2><${Waterfall} transactions=${data.transactions} errors=${data.errors} projectId=${props.projectId} /></section>
      <section class="card">
        <h2>Errors in this trace</h2>
        ${data.errors.length === 0 && html`<p class="muted">None.</p>`}
        <ul class="trace-errors">
          ${data.errors.map(
            (error) =>
              html`<li><${Link} href=${`/issues/${error.issueId}/events/${error.eventId}`}>${error.title}<//> <span class="muted small">${formatDate(toMs(error.timestamp))}</span></li>`,
          )}
        </ul>
      </section>`
    }`;
}
