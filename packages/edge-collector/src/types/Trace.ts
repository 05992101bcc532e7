// The one model of a trace, whatever sent it: a Faultline SDK or sentry-python
// transaction event, or @sentry/browser 11's span v2 stream, all become a
// `TraceSegment` (a transaction) with its child spans before anything stores
// or aggregates them. Times are milliseconds since the epoch (fractions kept).

/** One span inside a segment (a child of the segment's root span or of another span). */
export interface TraceSpan {
  /** 16 hex characters. */
  spanId: string;
  parentSpanId: string | null;
  /** Sentry's span op, e.g. `db`, `http.client`, `resource.script`, `browser.dns`. */
  op: string;
  /** Scrubbed description (query, URL without query values, resource URL…). */
  description: string;
  startTimestamp: number;
  timestamp: number;
  /** `ok` unless the client said otherwise. */
  status: string;
  /** Scrubbed span data (`http.response.status_code`, sizes, `render_blocking`…). */
  data: Record<string, unknown>;
}

/** A web vital or other measurement: milliseconds for times, unitless for CLS. */
export interface Measurement {
  value: number;
  unit?: string;
}

/** A transaction: the root span of one service's part of a trace, with its spans. */
export interface TraceSegment {
  projectId: number;
  eventId: string;
  /** 32 hex characters. */
  traceId: string;
  /** The segment's root span id (16 hex). */
  spanId: string;
  /** The span in another service (or the browser) this segment continues, if any. */
  parentSpanId: string | null;
  /** Transaction name, parameterized when it came from a URL (`/orders/:id` style). */
  name: string;
  /** `url`, `route`, `custom`, `component`, `view`, `task` — Sentry's transaction source. */
  nameSource: string;
  /** `pageload`, `navigation`, `http.server`, … */
  op: string;
  status: string;
  startTimestamp: number;
  timestamp: number;
  release: string | null;
  environment: string | null;
  /** `lcp`, `inp`, `cls`, `fcp`, `ttfb`, … */
  measurements: Record<string, Measurement>;
  spans: TraceSpan[];
}
