// SQL for reading stored events.
import { decodePayload } from './payloadCodec';

interface EventRow {
  project_id: number;
  event_id: string;
  issue_id: number;
  received_at: number;
  occurred_at: number;
  level: string;
  payload: string;
  payload_gzip: ArrayBuffer | null;
}

/** A stored event with its payload decoded. */
export interface EventDetails {
  projectId: number;
  eventId: string;
  issueId: number;
  receivedAt: number;
  occurredAt: number;
  level: string;
  payload: Record<string, unknown>;
}

async function toEvent(row: EventRow): Promise<EventDetails> {
  return {
    projectId: row.project_id,
    eventId: row.event_id,
    issueId: row.issue_id,
    receivedAt: row.received_at,
    occurredAt: row.occurred_at,
    level: row.level,
    payload: await decodePayload(row.payload, row.payload_gzip),
  };
}

/** The newest event of an issue, as the stored JSON payload. */
export async function selectLatestEvent(
  db: D1Database,
  issueId: number,
): Promise<Record<string, unknown> | null> {
  const row = await db
    .prepare(
      'SELECT * FROM events WHERE issue_id = ? ORDER BY received_at DESC, rowid DESC LIMIT 1',
    )
    .bind(issueId)
    .first<EventRow>();
  return row ? (await toEvent(row)).payload : null;
}

/**
 * One event by id (event ids are random, so unique across projects in practice),
 * unless its issue was deleted and the cron has not removed the event yet.
 */
export async function selectEvent(db: D1Database, eventId: string): Promise<EventDetails | null> {
  const row = await db
    .prepare(
      `SELECT * FROM events WHERE event_id = ?
         AND issue_id NOT IN (SELECT id FROM issues WHERE deleted_at IS NOT NULL)
       LIMIT 1`,
    )
    .bind(eventId)
    .first<EventRow>();
  return row ? toEvent(row) : null;
}

/** An issue's events, newest first, from before `before` (a `received_at`, `rowid` cursor). */
export async function selectIssueEvents(
  db: D1Database,
  issueId: number,
  limit: number,
  before?: { receivedAt: number; rowid: number },
): Promise<(EventDetails & { rowid: number })[]> {
  const { results } = await db
    .prepare(
      `SELECT rowid, * FROM events WHERE issue_id = ?1
         AND (?2 IS NULL OR received_at < ?2 OR (received_at = ?2 AND rowid < ?3))
       ORDER BY received_at DESC, rowid DESC LIMIT ?4`,
    )
    .bind(issueId, before?.receivedAt ?? null, before?.rowid ?? 0, limit)
    .all<EventRow & { rowid: number }>();
  return Promise.all(results.map(async (row) => ({ ...(await toEvent(row)), rowid: row.rowid })));
}
