// SQL for performance transactions.
import type { TransactionRecord } from '../types/TransactionRecord';

interface TransactionRow {
  project_id: number;
  event_id: string;
  name: string;
  op: string;
  status: string;
  trace_id: string;
  start_timestamp: number;
  timestamp: number;
  duration_ms: number;
  release: string | null;
  environment: string | null;
  measurements: string;
  received_at: number;
}

/** Stores a transaction; a resent event id is ignored. */
export function insertTransactionStatement(
  db: D1Database,
  record: TransactionRecord,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO transactions (project_id, event_id, name, op, status, trace_id,
         start_timestamp, timestamp, duration_ms, release, environment, measurements,
         received_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      record.projectId,
      record.eventId,
      record.name,
      record.op,
      record.status,
      record.traceId,
      record.startTimestamp,
      record.timestamp,
      record.durationMs,
      record.release,
      record.environment,
      JSON.stringify(record.measurements),
      record.receivedAt,
      record.payload,
    );
}

/** A project's newest transactions, without their payloads. */
export async function selectTransactions(
  db: D1Database,
  projectId: number,
  limit = 100,
): Promise<Omit<TransactionRecord, 'payload'>[]> {
  const { results } = await db
    .prepare(
      `SELECT project_id, event_id, name, op, status, trace_id, start_timestamp, timestamp,
         duration_ms, release, environment, measurements, received_at
       FROM transactions WHERE project_id = ? ORDER BY received_at DESC, timestamp DESC LIMIT ?`,
    )
    .bind(projectId, limit)
    .all<TransactionRow>();
  return results.map((row) => ({
    projectId: row.project_id,
    eventId: row.event_id,
    name: row.name,
    op: row.op,
    status: row.status,
    traceId: row.trace_id,
    startTimestamp: row.start_timestamp,
    timestamp: row.timestamp,
    durationMs: row.duration_ms,
    release: row.release,
    environment: row.environment,
    measurements: JSON.parse(row.measurements),
    receivedAt: row.received_at,
  }));
}
