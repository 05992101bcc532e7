/** A span as Sentry's transaction event holds it; times are epoch seconds. */
export interface Span {
  trace_id: string;
  span_id: string;
  parent_span_id: string;
  op: string;
  description?: string;
  start_timestamp: number;
  timestamp?: number;
  status?: string;
  data?: Record<string, unknown>;
}

/** A measurement: milliseconds for times, unitless for CLS. */
export interface Measurement {
  value: number;
  unit: string;
}

/** A performance trace's root as sent (Sentry transaction event). */
export interface TransactionEvent {
  type: 'transaction';
  event_id?: string;
  platform: 'javascript';
  /** The page's path, or the name `setTransactionName` gave it. */
  transaction: string;
  transaction_info: { source: 'url' | 'custom' };
  start_timestamp: number;
  timestamp?: number;
  release?: string;
  environment?: string;
  sdk?: { name: string; version: string };
  request: { url: string; headers?: Record<string, string> };
  contexts: {
    trace: {
      trace_id: string;
      span_id: string;
      op: 'pageload' | 'navigation';
      /** Web vital ratings and attribution, e.g. `lcp.rating`, `lcp.element`. */
      data: Record<string, unknown>;
    };
  };
  /** `lcp`, `fcp`, `ttfb`, `inp` in milliseconds, `cls` unitless. */
  measurements: Record<string, Measurement>;
  spans: Span[];
}
