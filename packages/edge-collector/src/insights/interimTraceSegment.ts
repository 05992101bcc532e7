// INTERIM ADAPTER, to be replaced by the trace model's own mapper (issue 11,
// branch `traces`): today's stored transaction record → a TraceSegment, so the
// aggregates and the N+1 detector consume the one trace model already. Only
// what they read is mapped; spans come from the stored (scrubbed) payload.

import type { TraceSegment, TraceSpan } from '../types/Trace';
import type { TransactionRecord } from '../types/TransactionRecord';

/** Seconds (number or RFC 3339 string) → milliseconds since the epoch. */
function toMs(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string') {
    const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function toSpan(raw: Record<string, unknown>): TraceSpan | null {
  const start = toMs(raw.start_timestamp);
  const end = toMs(raw.timestamp);
  if (start === undefined || end === undefined || !text(raw.span_id)) return null;
  return {
    spanId: text(raw.span_id),
    parentSpanId: text(raw.parent_span_id) || null,
    op: text(raw.op),
    description: text(raw.description),
    startTimestamp: start,
    timestamp: end,
    status: text(raw.status) || 'ok',
    data: (raw.data && typeof raw.data === 'object' ? raw.data : {}) as Record<string, unknown>,
  };
}

/** A stored transaction record as a TraceSegment (interim; see the file's head). */
export function transactionRecordToSegment(record: TransactionRecord): TraceSegment {
  let payload: Record<string, unknown> = {};
  try {
    payload = JSON.parse(record.payload);
  } catch {
    // A payload trimmed past JSON is not expected; the segment then has no spans.
  }
  const trace =
    ((payload.contexts as Record<string, unknown> | undefined)?.trace as
      | Record<string, unknown>
      | undefined) ?? {};
  const spans = Array.isArray(payload.spans) ? payload.spans : [];
  return {
    projectId: record.projectId,
    eventId: record.eventId,
    traceId: record.traceId,
    spanId: text(trace.span_id),
    parentSpanId: text(trace.parent_span_id) || null,
    name: record.name,
    nameSource: text((payload.transaction_info as { source?: unknown } | undefined)?.source),
    op: record.op,
    status: record.status || 'ok',
    startTimestamp: record.startTimestamp,
    // The record's times are whole ms; its duration keeps the fraction.
    timestamp: record.startTimestamp + record.durationMs,
    release: record.release,
    environment: record.environment,
    measurements: record.measurements,
    spans: spans
      .filter((span): span is Record<string, unknown> => !!span && typeof span === 'object')
      .map(toSpan)
      .filter((span): span is TraceSpan => span !== null),
  };
}
