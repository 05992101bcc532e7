// SQL for the event index: error events' trace, environment, level and time (migration 0085).
import type { EventRecord } from '../types/EventRecord';
import { withInput } from './withInput';

/** What the index keeps of an event. */
export interface IndexedEvent {
  projectId: number;
  eventId: string;
  traceId: string | null;
  environment: string;
  level: string;
  occurredAt: number;
}

/** `contexts.trace.trace_id` (32 hex) of a processed event's payload, or null. */
function traceIdOf(payload: string): string | null {
  try {
    const traceId = JSON.parse(payload)?.contexts?.trace?.trace_id;
    return typeof traceId === 'string' && /^[0-9a-f]{32}$/i.test(traceId)
      ? traceId.toLowerCase()
      : null;
  } catch {
    return null;
  }
}

/**
 * What the index keeps of a stored event. The trace id is read from the payload
 * until events carry it as a field (the trace model's ingest).
 */
export function indexedEvent(record: EventRecord): IndexedEvent {
  return {
    projectId: record.projectId,
    eventId: record.eventId,
    traceId: traceIdOf(record.payload),
    environment: record.tags?.find(([key]) => key === 'environment')?.[1] ?? '',
    level: record.level,
    occurredAt: record.occurredAt,
  };
}

/**
 * Indexes a batch's events, in the batch that stores them, after the events: one
 * statement for them all; an event not stored (a discarded fingerprint) is not indexed.
 */
export function insertEventIndexStatement(
  db: D1Database,
  events: IndexedEvent[],
): D1PreparedStatement {
  return withInput(
    db,
    { events: JSON.stringify(events) },
    `INSERT OR IGNORE INTO event_index (project_id, event_id, trace_id, environment, level,
       occurred_at)
     SELECT x.value ->> 'projectId', x.value ->> 'eventId', x.value ->> 'traceId',
       x.value ->> 'environment', x.value ->> 'level', x.value ->> 'occurredAt'
     FROM input, json_each(input.events) x
     WHERE EXISTS (SELECT 1 FROM events e
       WHERE e.project_id = x.value ->> 'projectId' AND e.event_id = x.value ->> 'eventId')`,
  );
}

/**
 * Error events (error, fatal) that occurred in [start, end) (ms), over one
 * environment or all: what the error_rate trigger divides by transactions.
 */
export async function countErrorEvents(
  db: D1Database,
  projectId: number,
  start: number,
  end: number,
  environment: string | null,
): Promise<number> {
  const row = await db
    .prepare(
      `SELECT count(*) AS errors FROM event_index
       WHERE project_id = ? AND occurred_at >= ? AND occurred_at < ?
         AND level IN ('error', 'fatal') AND (? IS NULL OR environment = ?)`,
    )
    .bind(projectId, start, end, environment, environment)
    .first<{ errors: number }>();
  return row?.errors ?? 0;
}

/**
 * Error events that occurred in [start, end) (ms) per transaction name that shares
 * their trace: walks the period's errors and looks each trace up by index.
 */
export async function selectErrorCountsByTransaction(
  db: D1Database,
  projectId: number,
  start: number,
  end: number,
): Promise<Map<string, number>> {
  const { results } = await db
    .prepare(
      `SELECT t.name AS name, count(DISTINCT e.event_id) AS errors
       FROM event_index e JOIN transactions t
         ON t.project_id = e.project_id AND t.trace_id = e.trace_id
       WHERE e.project_id = ? AND e.occurred_at >= ? AND e.occurred_at < ?
         AND e.trace_id IS NOT NULL
       GROUP BY t.name`,
    )
    .bind(projectId, start, end)
    .all<{ name: string; errors: number }>();
  return new Map(results.map((row) => [row.name, row.errors]));
}

/** The slowest stored transactions of one name in [start, end) (ms): the samples to look at. */
export async function selectSlowestTransactions(
  db: D1Database,
  projectId: number,
  name: string,
  start: number,
  end: number,
  limit = 5,
): Promise<{ eventId: string; durationMs: number; traceId: string; timestamp: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT event_id, duration_ms, trace_id, timestamp FROM transactions
       WHERE project_id = ? AND name = ? AND timestamp >= ? AND timestamp < ?
       ORDER BY duration_ms DESC LIMIT ?`,
    )
    .bind(projectId, name, start, end, limit)
    .all<{ event_id: string; duration_ms: number; trace_id: string; timestamp: number }>();
  return results.map((row) => ({
    eventId: row.event_id,
    durationMs: row.duration_ms,
    traceId: row.trace_id,
    timestamp: row.timestamp,
  }));
}
