// SQL linking error events to trace ids (see migration 0085).

/** Records that an error event belongs to a trace; nothing for an event without one. */
export function insertEventTraceStatements(
  db: D1Database,
  event: { projectId: number; eventId: string; occurredAt: number; traceId: string | null },
): D1PreparedStatement[] {
  if (!event.traceId) return [];
  return [
    db
      .prepare(
        `INSERT OR IGNORE INTO event_traces (project_id, trace_id, event_id, occurred_at)
         VALUES (?, ?, ?, ?)`,
      )
      .bind(event.projectId, event.traceId, event.eventId, event.occurredAt),
  ];
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
       FROM event_traces e JOIN transactions t
         ON t.project_id = e.project_id AND t.trace_id = e.trace_id
       WHERE e.project_id = ? AND e.occurred_at >= ? AND e.occurred_at < ?
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
