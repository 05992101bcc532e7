import { html } from 'htm/preact';
import { formatMs } from '../lib/format';
import { toMs } from '../lib/performance';

export interface TraceSpan {
  spanId: string;
  parentSpanId: string | null;
  op: string | null;
  description: string | null;
  startTimestamp: number | string;
  timestamp: number | string;
}

export interface TraceTransaction extends TraceSpan {
  eventId: string;
  name: string;
  spans: TraceSpan[];
}

export interface TraceError {
  eventId: string;
  issueId: string;
  title: string;
  timestamp: number | string;
}

interface Row {
  key: string;
  depth: number;
  label: string;
  op: string;
  start: number;
  end: number;
  isTransaction: boolean;
}

/** Transactions and spans as one tree: a backend transaction hangs under the browser span that called it. */
export function traceRows(transactions: TraceTransaction[]): Row[] {
  const children = new Map<string, { node: TraceSpan; transaction?: TraceTransaction }[]>();
  const known = new Set<string>();
  const add = (
    parent: string | null,
    entry: { node: TraceSpan; transaction?: TraceTransaction },
  ) => {
    const key = parent ?? '';
    children.set(key, [...(children.get(key) ?? []), entry]);
  };
  for (const transaction of transactions) {
    known.add(transaction.spanId);
    for (const span of transaction.spans) known.add(span.spanId);
  }
  for (const transaction of transactions) {
    add(
      transaction.parentSpanId && known.has(transaction.parentSpanId)
        ? transaction.parentSpanId
        : null,
      { node: transaction, transaction },
    );
    for (const span of transaction.spans) {
      add(
        span.parentSpanId && known.has(span.parentSpanId) ? span.parentSpanId : transaction.spanId,
        { node: span },
      );
    }
  }
  const rows: Row[] = [];
  const visit = (parent: string, depth: number) => {
    const entries = [...(children.get(parent) ?? [])].sort(
      (a, b) => toMs(a.node.startTimestamp) - toMs(b.node.startTimestamp),
    );
    for (const { node, transaction } of entries) {
      rows.push({
        key: node.spanId,
        depth,
        label: transaction ? transaction.name : (node.description ?? ''),
        op: node.op ?? '',
        start: toMs(node.startTimestamp),
        end: toMs(node.timestamp),
        isTransaction: !!transaction,
      });
      if (depth < 30) visit(node.spanId, depth + 1);
    }
  };
  visit('', 0);
  return rows;
}

/** Spans on one time axis, browser and backend together; the trace's errors marked on it. */
export function Waterfall(props: { transactions: TraceTransaction[]; errors: TraceError[] }) {
  const rows = traceRows(props.transactions);
  if (rows.length === 0) return html`<p class="muted">No spans.</p>`;
  const start = Math.min(...rows.map((row) => row.start));
  const end = Math.max(...rows.map((row) => row.end), start + 1);
  const percent = (time: number) => ((time - start) / (end - start)) * 100;
  const at = (time: number) => `${percent(time).toFixed(2)}%`;
  return html`<div class="waterfall" role="table" aria-label="Trace waterfall">
    <div class="wf-axis" role="row"><span role="columnheader">Span</span><span role="columnheader">0 → ${formatMs(end - start)}</span></div>
    <div class="wf-errors" aria-hidden="true">
      ${props.errors.map((error) => html`<span class="wf-error-mark" title=${error.title} style=${{ left: at(toMs(error.timestamp)) }}></span>`)}
    </div>
    ${rows.map(
      (
        row,
      ) => html`<div key=${row.key} role="row" class=${row.isTransaction ? 'wf-row wf-transaction' : 'wf-row'}>
        <span role="cell" class="wf-label" style=${{ paddingLeft: `${Math.min(row.depth, 12) * 0.75}rem` }} title=${row.label}>
          <span class="badge">${row.op}</span> ${row.label}
        </span>
        <span role="cell" class="wf-track">
          <span class="wf-bar" style=${{ left: at(row.start), width: `${Math.max(0.3, percent(row.end) - percent(row.start)).toFixed(2)}%` }}></span>
          <span class="wf-duration">${formatMs(row.end - row.start)}</span>
        </span>
      </div>`,
    )}
  </div>`;
}
