// SQL reading one stored transaction's payload (the event as stored, scrubbed).

/** The stored JSON of a project's transaction, or null when there is none with that id. */
export async function selectTransactionPayload(
  db: D1Database,
  projectId: number,
  eventId: string,
): Promise<Record<string, unknown> | null> {
  const row = await db
    .prepare('SELECT payload FROM transactions WHERE project_id = ? AND event_id = ?')
    .bind(projectId, eventId)
    .first<{ payload: string }>();
  return row ? JSON.parse(row.payload) : null;
}
