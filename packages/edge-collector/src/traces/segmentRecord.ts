import type { TraceSegment } from '../types/Trace';
import type { TransactionRecord } from '../types/TransactionRecord';

/**
 * The row of a segment that came without a transaction event (a span v2
 * stream): the payload is the segment without its spans, which the row keeps
 * in its segment column.
 */
export function segmentRecord(segment: TraceSegment, receivedAt: number): TransactionRecord {
  const { spans: _spans, ...rest } = segment;
  return {
    projectId: segment.projectId,
    eventId: segment.eventId,
    name: segment.name,
    op: segment.op,
    status: segment.status,
    traceId: segment.traceId,
    startTimestamp: Math.round(segment.startTimestamp),
    timestamp: Math.round(segment.timestamp),
    durationMs: segment.timestamp - segment.startTimestamp,
    release: segment.release,
    environment: segment.environment,
    measurements: segment.measurements,
    receivedAt,
    payload: JSON.stringify({ ...rest, received: receivedAt / 1000 }),
    segment,
  };
}
