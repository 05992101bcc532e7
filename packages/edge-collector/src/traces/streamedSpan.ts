import type { TraceSpan } from '../types/Trace';

/** One span of a `span` item (`application/vnd.sentry.items.span.v2+json`), as @sentry/browser 11 sends it. */
export interface StreamedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  isSegment: boolean;
  status: string;
  /** Milliseconds since the epoch. */
  startTimestamp: number;
  timestamp: number;
  /** `{key: {value, type}}` flattened to `{key: value}`. */
  attributes: Record<string, unknown>;
}

/** Attributes every span repeats (SDK, release, segment, user): kept once on the segment or not at all. */
const COMMON_ATTRIBUTE =
  /^(sentry\.(segment\.|sdk\.|release$|environment$|trace[._]lifecycle$|transaction$|pageload\.span_id$|sample_rate$|is_localhost$|exclusive_time$)|user\.|user_agent\.original$)/;

const HEX = /^[0-9a-f]+$/;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** A span of the v2 item, or undefined when it lacks ids or times (it is dropped, as Relay drops it). */
export function readStreamedSpan(raw: unknown): StreamedSpan | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const item = raw as Record<string, unknown>;
  const traceId = text(item.trace_id).toLowerCase();
  const spanId = text(item.span_id).toLowerCase();
  const start = seconds(item.start_timestamp);
  const end = seconds(item.end_timestamp) ?? start;
  if (traceId.length !== 32 || spanId.length !== 16 || !HEX.test(traceId + spanId))
    return undefined;
  if (start === undefined || end === undefined || end < start) return undefined;
  const attributes: Record<string, unknown> = {};
  if (item.attributes && typeof item.attributes === 'object') {
    for (const [key, entry] of Object.entries(item.attributes)) {
      const value = (entry as { value?: unknown } | null)?.value;
      if (value !== undefined && value !== null) attributes[key] = value;
    }
  }
  const parent = text(item.parent_span_id).toLowerCase();
  return {
    traceId,
    spanId,
    parentSpanId: parent || null,
    name: text(item.name),
    isSegment: item.is_segment === true,
    status: text(item.status) || 'ok',
    startTimestamp: start * 1000,
    timestamp: end * 1000,
    attributes,
  };
}

/**
 * The description a transaction event's span would carry: the span v2 name is
 * low-cardinality ("GET 127.0.0.1", "Request"), the URL lives in `url.full`,
 * from which Relay derives the description too.
 */
function describe(op: string, span: StreamedSpan): string {
  const url = text(span.attributes['url.full']);
  if (!url) return span.name;
  if (op.startsWith('http.')) {
    const method = text(span.attributes['http.request.method']);
    return method ? `${method} ${url}` : url;
  }
  if (op.startsWith('resource.') || (op.startsWith('browser.') && op !== 'browser.paint'))
    return url;
  return span.name;
}

/** A span's op: `sentry.op`, else `default` as Relay names spans without one. */
export function streamedSpanOp(span: StreamedSpan): string {
  return text(span.attributes['sentry.op']) || 'default';
}

/** Attributes minus those every span repeats. */
export function ownAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!COMMON_ATTRIBUTE.test(key)) own[key] = value;
  }
  return own;
}

/** A streamed child span as a `TraceSpan` (description and data as a transaction event has them). */
export function toTraceSpan(span: StreamedSpan): TraceSpan {
  const op = streamedSpanOp(span);
  return {
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    op,
    description: describe(op, span),
    startTimestamp: span.startTimestamp,
    timestamp: span.timestamp,
    status: span.status,
    data: ownAttributes(span.attributes),
  };
}
