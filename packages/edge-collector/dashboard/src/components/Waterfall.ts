import { html } from 'htm/preact';
import { formatMs } from '../lib/format';
import { toMs } from '../lib/performance';
import { Link } from '../lib/router';

export interface TraceSpan {
  spanId: string;
  parentSpanId: string | null;
  op: string | null;
  description: string | null;
  status?: string;
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
  issueId: string | number;
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
  kind: 'transaction' | 'span' | 'error';
  failed: boolean;
  href?: string;
}

/** Statuses that are not failures, as the aggregates count them. */
const NOT_FAILED = new Set(['', 'ok', 'cancelled', 'unknown', 'unknown_error']);

/**
 * Transactions and spans as one tree, in time order: a backend transaction hangs
 * under the browser span that called it (its parent span id), spans under
 * their parent span or else their transaction.
 */
export function traceRows(transactions: TraceTransaction[], projectId: string): Row[] {
  type Entry = { node: TraceSpan; transaction?: TraceTransaction };
  const children = new Map<string, Entry[]>();
  const known = new Set<string>();
  const add = (parent: string | null, entry: Entry) => {
    const key = parent ?? '';
    children.set(key, [...(children.get(key) ?? []), entry]);
  };
  for (const transaction of transactions) {
    known.add(transaction.spanId);
    for (const span of transaction.spans) known.add(span.spanId);
  }
  for (const transaction of transactions) {
    const parent = transaction.parentSpanId;
    add(parent && known.has(parent) ? parent : null, { node: transaction, transaction });
    for (const span of transaction.spans) {
      const spanParent = span.parentSpanId;
      add(spanParent && known.has(spanParent) ? spanParent : transaction.spanId, { node: span });
    }
  }
  const rows: Row[] = [];
  const seen = new Set<string>();
  const visit = (parent: string, depth: number) => {
    const entries = [...(children.get(parent) ?? [])].sort(
      (a, b) => toMs(a.node.startTimestamp) - toMs(b.node.startTimestamp),
    );
    for (const { node, transaction } of entries) {
      // A span id sent twice (or a cycle) is shown once.
      if (seen.has(node.spanId)) continue;
      seen.add(node.spanId);
      rows.push({
        key: node.spanId,
        depth,
        label: transaction ? transaction.name : (node.description ?? ''),
        op: node.op ?? '',
        start: toMs(node.startTimestamp),
        end: toMs(node.timestamp),
        kind: transaction ? 'transaction' : 'span',
        failed: !NOT_FAILED.has(node.status ?? ''),
        href: transaction
          ? `/projects/${projectId}/performance/${encodeURIComponent(transaction.name)}`
          : undefined,
      });
      visit(node.spanId, depth + 1);
    }
  };
  visit('', 0);
  return rows;
}

/** The trace's errors as rows of their own, at their time, linking to their issue. */
function errorRows(errors: TraceError[]): Row[] {
  return errors.map((error) => ({
    key: `error:${error.eventId}`,
    depth: 0,
    label: error.title,
    op: 'error',
    start: toMs(error.timestamp),
    end: toMs(error.timestamp),
    kind: 'error',
    failed: true,
    href: `/issues/${error.issueId}/events/${error.eventId}`,
  }));
}

/**
 * Spans on one time axis, browser and backend together, each indented under its
 * parent; the trace's errors marked on the axis and listed as rows linking to
 * their issue. On a phone each row's bar goes under its label.
 */
export function Waterfall(props: {
  transactions: TraceTransaction[];
  errors: TraceError[];
  projectId: string;
}) {
  const spans = traceRows(props.transactions, props.projectId);
  const errors = errorRows(props.errors);
  const all = [...spans, ...errors].filter((row) => Number.isFinite(row.start));
  if (all.length === 0) return html`<p class="muted">No spans.</p>`;
  const start = Math.min(...all.map((row) => row.start));
  const end = Math.max(...all.map((row) => row.end), start + 1);
  const at = (time: number) => ((time - start) / (end - start)) * 100;
  // Errors sit among the spans at their time.
  const rows = [...spans];
  for (const error of errors) {
    const index = rows.findIndex((row) => row.start > error.start);
    rows.splice(index === -1 ? rows.length : index, 0, error);
  }
  return html`<div class="waterfall" role="table" aria-label="Trace waterfall">
    <div class="wf-axis" role="row">
      <span role="columnheader">Span</span>
      <span role="columnheader" class="wf-scale"><span>0</span><span>${formatMs((end - start) / 2)}</span><span>${formatMs(end - start)}</span></span>
    </div>
    <div class="wf-errors" aria-hidden="true">
      ${errors.map((error) => html`<span class="wf-error-mark" style=${{ left: `${at(error.start).toFixed(2)}%` }}></span>`)}
    </div>
    ${rows.map((row) => {
      const label =
        row.kind === 'error'
          ? html`<span class="badge badge-error">error</span> <${Link} href=${row.href ?? ''}>${row.label}<//>`
          : html`<span class="badge">${row.op}</span> ${row.href ? html`<${Link} href=${row.href}>${row.label}<//>` : row.label}`;
      const classes = ['wf-row', `wf-${row.kind}`, row.failed ? 'wf-failed' : ''].join(' ');
      return html`<div key=${row.key} role="row" class=${classes}>
        <span role="cell" class="wf-label" style=${{ paddingLeft: `${Math.min(row.depth, 12) * 0.6}rem` }} title=${row.label}>${label}</span>
        <span role="cell" class="wf-track">
          ${
            row.kind === 'error'
              ? html`<span class="wf-error-dot" style=${{ left: `${at(row.start).toFixed(2)}%` }}></span>
                <span class="wf-duration">at ${formatMs(row.start - start)}</span>`
              : html`<span class="wf-bar" style=${{ left: `${at(row.start).toFixed(2)}%`, width: `${Math.max(0.3, at(row.end) - at(row.start)).toFixed(2)}%` }}></span>
                <span class="wf-duration">${formatMs(row.end - row.start)}${row.failed ? ' · failed' : ''}</span>`
          }
        </span>
      </div>`;
    })}
  </div>`;
}
