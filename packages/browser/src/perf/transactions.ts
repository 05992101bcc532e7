import type { Span, TransactionEvent } from '../core/transactionTypes.js';
import { randomHex } from './randomHex.js';

type Trace = TransactionEvent['contexts']['trace'];

/** The transaction new spans (requests, `startSpan`) belong to, if one is open. */
export let active: TransactionEvent | undefined;
/** The newest transaction's trace: requests carry it even when none is open. */
export let trace: Trace;

let send: (event: TransactionEvent) => void;
let onTrace: (name: string, context: Record<string, unknown>) => unknown;

/** Where finished transactions go, and who hears of each new trace (errors carry it). */
export const configureTransactions = (sender: typeof send, setContext: typeof onTrace) => {
  send = sender;
  onTrace = setContext;
};

/**
 * Opens a `pageload` or `navigation` transaction in a new trace, as Sentry's
 * browser tracing does, named after the page's path until
 * `setTransactionName` names it. Errors captured from now on carry the trace.
 */
export const startTransaction = (op: Trace['op'], start: number): TransactionEvent => {
  trace = { trace_id: randomHex(16), span_id: randomHex(8), op, data: {} };
  onTrace('trace', { trace_id: trace.trace_id, span_id: trace.span_id });
  active = {
    type: 'transaction',
    platform: 'javascript',
    transaction: location.pathname,
    transaction_info: { source: 'url' },
    start_timestamp: start,
    request: { url: location.href },
    contexts: { trace },
    measurements: {},
    spans: [],
  };
  return active;
};

/** Stops `transaction` from collecting new spans (it may still wait to be sent). */
export const deactivate = (transaction: TransactionEvent) => {
  if (active === transaction) active = undefined;
};

/** Adds a child span to `transaction` (under `parent`, else its root); open while `end` is undefined. */
export const addSpan = (
  transaction: TransactionEvent,
  op: string,
  description: string,
  start: number,
  end?: number,
  data?: Record<string, unknown>,
  parent?: Span,
): Span => {
  const span: Span = {
    trace_id: transaction.contexts.trace.trace_id,
    span_id: randomHex(8),
    parent_span_id: (parent || transaction.contexts.trace).span_id,
    op,
    description,
    start_timestamp: start,
    timestamp: end,
    data,
  };
  transaction.spans.push(span);
  return span;
};

/**
 * Sends a transaction: spans still open are left out (as Sentry does), and
 * it ends with its last span (or where it started, when it has none).
 */
export const finishTransaction = (transaction: TransactionEvent) => {
  deactivate(transaction);
  transaction.spans = transaction.spans.filter((span) => span.timestamp);
  transaction.timestamp = Math.max(
    transaction.start_timestamp,
    ...transaction.spans.map((span) => span.timestamp as number),
  );
  send(transaction);
};

/** Names the open transaction, e.g. after a route `/orders/:id`; kept as given (source `custom`). */
export const setTransactionName = (name: string) => {
  if (active) {
    active.transaction = name;
    active.transaction_info.source = 'custom';
  }
};
