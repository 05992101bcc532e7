import { html } from 'htm/preact';
import { type TraceError, type TraceTransaction, Waterfall } from '../components/Waterfall';
import { formatDate } from '../lib/format';
import { toMs } from '../lib/performance';
import { Link } from '../lib/router';
import { useApi } from '../lib/useApi';

interface Trace {
  traceId: string;
  transactions: TraceTransaction[];
  errors: TraceError[];
}

/** A whole trace: its waterfall, and the errors that happened in it. */
export function TracePage(props: { projectId: string; traceId: string }) {
  const trace = useApi<Trace>(`/api/0/projects/${props.projectId}/traces/${props.traceId}/`);
  return html`<p class="crumbs"><${Link} href=${`/projects/${props.projectId}/performance`}>← Performance<//></p>
    <h1>Trace <code>${props.traceId}</code></h1>
    ${trace.error && html`<p class="error" role="alert">${trace.error}</p>`}
    ${
      trace.data &&
      html`<section class="card"><h2>Waterfall</h2><${Waterfall} transactions=${trace.data.transactions} errors=${trace.data.errors} /></section>
      <section class="card">
        <h2>Errors in this trace</h2>
        ${trace.data.errors.length === 0 && html`<p class="muted">None.</p>`}
        <ul>
          ${trace.data.errors.map(
            (error) =>
              html`<li><${Link} href=${`/issues/${error.issueId}/events/${error.eventId}`}>${error.title}<//> <span class="muted small">${formatDate(toMs(error.timestamp))}</span></li>`,
          )}
        </ul>
      </section>`
    }`;
}
