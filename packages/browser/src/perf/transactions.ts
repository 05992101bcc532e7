import type { Options } from '../core/options.js';
import type { Span, TransactionEvent } from '../core/transactionTypes.js';
import { uuid } from '../lib/uuid.js';

// Ids as the core makes event ids: decimal digits are hex digits too, and
// the core's `uuid` is in this bundle already (a trace id's 32 digits carry
// about 106 random bits, a span id's 16 about 53).
const spanId = () => uuid().slice(16);

type Trace = TransactionEvent['contexts']['trace'];

/** The transaction new spans (requests, `startSpan`) belong to, if one is open. */
export let active: TransactionEvent | undefined;
/** The newest transaction's trace: requests carry it even when none is open. */
export let trace: Trace;
/** The options of `init`, resolved once by `startPerf`. */
export let perfOptions: Options;

let send: (event: TransactionEvent) => void;
let onTrace: (name: string, context: Record<string, unknown>) => unknown;

/** Keeps the options, where finished transactions go, and who hears of each new trace (errors carry it). */
export const configureTransactions = (
  options: Options,
  sender: typeof send,
  setContext: typeof onTrace,
) => {
  perfOptions = options;
  send = sender;
  onTrace = setContext;
};

/**
 * Opens a `pageload` or `navigation` transaction in a new trace, as Sentry's
 * browser tracing does, named after the page's path until
 * `setTransactionName` names it. Errors captured from now on carry the trace.
 */
export const startTransaction = (op: Trace['op'], start: number): TransactionEvent => {
  trace = { trace_id: uuid(), span_id: spanId(), op, data: {} };
  // Errors carry the trace as their `contexts.trace` (its op and vitals too).
  onTrace('trace', trace);
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

/** Adds a child span to the transaction's root; open while `end` is falsy. */
export const addSpan = (
  transaction: TransactionEvent,
  op: string,
  description: string,
  start: number,
  end?: number,
  data?: Record<string, unknown>,
): Span => {
  const { trace_id, span_id } = transaction.contexts.trace;
  const span: Span = {
    trace_id,
    span_id: spanId(),
    parent_span_id: span_id,
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
 * Sends a transaction and stops it collecting spans: spans still open are
 * left out (as Sentry does), and it ends with its last span (or where it
 * started, when it has none).
 */
export const finishTransaction = (transaction: TransactionEvent) => {
  if (active === transaction) active = undefined;
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
