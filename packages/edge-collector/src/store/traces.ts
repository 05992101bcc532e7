// SQL for reading a trace back: its segments (transaction rows) and the error
// events that carry its trace id, and for merging late spans into a segment.
import type { SegmentUpdate, TraceSegment } from '../types/Trace';
import { decodePayload, gzipText } from './payloadCodec';

/** A trace holds at most this many segments and errors in an answer. */
const MAX_TRACE_ROWS = 1000;

interface SegmentRow {
  event_id: string;
  name: string;
  op: string;
  status: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  start_timestamp: number;
  timestamp: number;
  release: string | null;
  environment: string | null;
  measurements: string;
  segment_gzip: ArrayBuffer | null;
}

const SEGMENT_COLUMNS = `event_id, name, op, status, trace_id, span_id, parent_span_id,
  start_timestamp, timestamp, release, environment, measurements, segment_gzip`;

/** A row as a segment; rows stored before segments were kept have no spans. */
async function toSegment(projectId: number, row: SegmentRow): Promise<TraceSegment> {
  if (row.segment_gzip)
    return (await decodePayload('', row.segment_gzip)) as unknown as TraceSegment;
  return {
    projectId,
    eventId: row.event_id,
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    name: row.name,
    nameSource: '',
    op: row.op,
    status: row.status,
    startTimestamp: row.start_timestamp,
    timestamp: row.timestamp,
    release: row.release,
    environment: row.environment,
    measurements: JSON.parse(row.measurements),
    spans: [],
  };
}

/** Every segment of a trace, earliest first (index `transactions_project_trace`). */
export async function selectTraceSegments(
  db: D1Database,
  projectId: number,
  traceId: string,
): Promise<TraceSegment[]> {
  const { results } = await db
    .prepare(
      `SELECT ${SEGMENT_COLUMNS} FROM transactions WHERE project_id = ? AND trace_id = ?
       ORDER BY start_timestamp, event_id LIMIT ?`,
    )
    .bind(projectId, traceId, MAX_TRACE_ROWS)
    .all<SegmentRow>();
  return Promise.all(results.map((row) => toSegment(projectId, row)));
}

/** A stored segment and its stored bytes, which a later update checks are unchanged. */
export interface StoredSegment {
  segment: TraceSegment;
  segmentGzip: ArrayBuffer | null;
}

/** The stored segment of a trace with this root span id, if any. */
export async function selectSegment(
  db: D1Database,
  projectId: number,
  traceId: string,
  spanId: string,
): Promise<StoredSegment | undefined> {
  const row = await db
    .prepare(
      `SELECT ${SEGMENT_COLUMNS} FROM transactions
       WHERE project_id = ? AND trace_id = ? AND span_id = ? LIMIT 1`,
    )
    .bind(projectId, traceId, spanId)
    .first<SegmentRow>();
  return row
    ? { segment: await toSegment(projectId, row), segmentGzip: row.segment_gzip }
    : undefined;
}

/**
 * Replaces a stored segment (and its row's measurements) with `merged`, a late
 * update merged in, only while the row still holds what was read.
 */
export async function updateSegmentStatement(
  db: D1Database,
  stored: StoredSegment,
  merged: TraceSegment,
): Promise<D1PreparedStatement> {
  return db
    .prepare(
      `UPDATE transactions SET segment_gzip = ?, measurements = ?
       WHERE project_id = ? AND event_id = ? AND segment_gzip IS ?`,
    )
    .bind(
      await gzipText(JSON.stringify(merged)),
      JSON.stringify(merged.measurements),
      merged.projectId,
      merged.eventId,
      stored.segmentGzip,
    );
}

/** Deletes pending updates once merged into their stored segment. */
export function deletePendingUpdatesStatement(db: D1Database, ids: number[]): D1PreparedStatement {
  return db
    .prepare(`DELETE FROM pending_segment_updates WHERE id IN (SELECT value FROM json_each(?))`)
    .bind(JSON.stringify(ids));
}

export interface TraceError {
  eventId: string;
  issueId: number;
  title: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
}

/** The error events that carry a trace id, earliest first (index `events_project_trace`). */
export async function selectTraceErrors(
  db: D1Database,
  projectId: number,
  traceId: string,
): Promise<TraceError[]> {
  const { results } = await db
    .prepare(
      `SELECT e.event_id, e.issue_id, i.title, e.occurred_at FROM events e
       JOIN issues i ON i.id = e.issue_id
       WHERE e.project_id = ? AND e.trace_id = ? ORDER BY e.occurred_at, e.event_id LIMIT ?`,
    )
    .bind(projectId, traceId, MAX_TRACE_ROWS)
    .all<{ event_id: string; issue_id: number; title: string; occurred_at: number }>();
  return results.map((row) => ({
    eventId: row.event_id,
    issueId: row.issue_id,
    title: row.title,
    timestamp: row.occurred_at,
  }));
}

/** Keeps a late update whose segment is not stored yet (see `selectPendingUpdates`). */
export async function insertPendingUpdate(
  db: D1Database,
  update: SegmentUpdate,
  receivedAt: number,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO pending_segment_updates (project_id, trace_id, span_id, received_at, update_json)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .bind(update.projectId, update.traceId, update.spanId, receivedAt, JSON.stringify(update))
    .run();
}

/** The updates that wait for this segment, oldest first, with their row ids. */
export async function selectPendingUpdates(
  db: D1Database,
  segment: Pick<TraceSegment, 'projectId' | 'traceId' | 'spanId'>,
): Promise<{ ids: number[]; updates: SegmentUpdate[] }> {
  const { results } = await db
    .prepare(
      `SELECT id, update_json FROM pending_segment_updates
       WHERE project_id = ? AND trace_id = ? AND span_id = ? ORDER BY id LIMIT 100`,
    )
    .bind(segment.projectId, segment.traceId, segment.spanId)
    .all<{ id: number; update_json: string }>();
  return {
    ids: results.map((row) => row.id),
    updates: results.map((row) => JSON.parse(row.update_json) as SegmentUpdate),
  };
}

/** Deletes up to `limit` pending updates received before `before` (ms): their segment never came. */
export async function deletePendingUpdatesBefore(
  db: D1Database,
  before: number,
  limit: number,
): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM pending_segment_updates WHERE id IN (
         SELECT id FROM pending_segment_updates WHERE received_at < ? LIMIT ?)`,
    )
    .bind(before, limit)
    .run();
  return result.meta.changes;
}
