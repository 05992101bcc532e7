import { parseTimestamp } from '../protocol/parseTimestamp';
import type { SentryEvent } from '../protocol/SentryEvent';
import type { TraceSegment, TraceSpan } from '../types/Trace';
import { cleanMeasurements } from './cleanMeasurements';

type Json = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function object(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

/** A span of the event's `spans`, or undefined without an id or a start (Relay rejects those). */
function toTraceSpan(raw: unknown, segmentEnd: number): TraceSpan | undefined {
  const span = object(raw);
  const spanId = text(span.span_id).toLowerCase();
  const start = parseTimestamp(span.start_timestamp);
  if (!spanId || start === undefined) return undefined;
  // Relay ends an unfinished span with its transaction.
  const end = parseTimestamp(span.timestamp) ?? segmentEnd / 1000;
  const data = { ...object(span.data) };
  const tags = object(span.tags);
  if (Object.keys(tags).length > 0) data.tags = tags;
  return {
    spanId,
    parentSpanId: text(span.parent_span_id).toLowerCase() || null,
    op: text(span.op) || 'default',
    description: text(span.description),
    startTimestamp: start * 1000,
    timestamp: Math.max(start, end) * 1000,
    status: text(span.status) || 'ok',
    data,
  };
}

/**
 * A transaction event (the Faultline SDK's, sentry-python's, @sentry/browser's
 * static mode) as a `TraceSegment`: `contexts.trace` gives the ids, op and
 * status, `transaction` and `transaction_info.source` the name, `spans` the
 * child spans. `times` are the validated start and end in seconds.
 */
export function transactionToSegment(
  event: SentryEvent,
  times: { start: number; end: number },
  projectId: number,
): TraceSegment {
  const trace = object(object(event.contexts).trace);
  const end = times.end * 1000;
  const spans = (Array.isArray(event.spans) ? event.spans : [])
    .map((span) => toTraceSpan(span, end))
    .filter((span): span is TraceSpan => span !== undefined);
  const data = { ...object(trace.data) };
  const pageUrl = text(object(event.request).url);
  if (pageUrl && data['url.full'] === undefined) data['url.full'] = pageUrl;
  return {
    projectId,
    eventId: event.event_id,
    traceId: text(trace.trace_id).toLowerCase(),
    spanId: text(trace.span_id).toLowerCase(),
    parentSpanId: text(trace.parent_span_id).toLowerCase() || null,
    name: text(event.transaction) || '<unlabeled transaction>',
    nameSource: text(object(event.transaction_info).source),
    op: text(trace.op) || 'default',
    status: text(trace.status) || 'ok',
    startTimestamp: times.start * 1000,
    timestamp: end,
    release: text(event.release) || null,
    environment: text(event.environment) || null,
    measurements: cleanMeasurements(event.measurements),
    spans,
    data,
  };
}
