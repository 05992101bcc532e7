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
  /**
   * Scrubbed data of the root span: the page's `url.full`, web-vital attribution
   * (`lcp.element`, `cls.source.1`, `inp.target`…), connection and device hints.
   */
  data?: Record<string, unknown>;
  /** How many spans were dropped to fit storage (the shortest first), when any were. */
  trimmedSpans?: number;
}

/**
 * What arrives for a segment already sent: @sentry/browser 11 streams LCP, CLS
 * and INP as spans of their own, in a later envelope, once the page is hidden.
 * Storage merges it into the stored segment of the same trace and span id.
 */
export interface SegmentUpdate {
  projectId: number;
  traceId: string;
  /** The root span id of the segment it belongs to. */
  spanId: string;
  measurements: Record<string, Measurement>;
  data: Record<string, unknown>;
  spans: TraceSpan[];
}

/** What one span v2 item holds: whole segments, and late parts of segments sent before. */
export interface StreamedSegments {
  segments: TraceSegment[];
  updates: SegmentUpdate[];
  /** Spans kept, and spans dropped for lacking ids or times. */
  accepted: number;
  invalid: number;
}
