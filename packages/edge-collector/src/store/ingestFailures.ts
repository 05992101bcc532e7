// SQL for ingest queue messages that could not be stored (the dead-letter queue's record).

export interface IngestFailure {
  projectId: number;
  messageKey: string;
  eventId: string | null;
  reason: string;
  attempts: number;
  receivedAt: number;
  failedAt: number;
  /** The message as JSON. */
  message: string;
}

/** Records failures in one batch; a message recorded before is kept as it was. */
export async function insertIngestFailures(
  db: D1Database,
  failures: IngestFailure[],
): Promise<void> {
  if (failures.length === 0) return;
  const statement = db.prepare(
    `INSERT OR IGNORE INTO ingest_failures (project_id, message_key, event_id, reason,
       attempts, received_at, failed_at, message)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  await db.batch(
    failures.map((failure) =>
      statement.bind(
        failure.projectId,
        failure.messageKey,
        failure.eventId,
        failure.reason,
        failure.attempts,
        failure.receivedAt,
        failure.failedAt,
        failure.message,
      ),
    ),
  );
}

/** A project's newest failures, without the messages. */
export async function selectIngestFailures(
  db: D1Database,
  projectId: number,
  limit = 100,
): Promise<Omit<IngestFailure, 'message'>[]> {
  const { results } = await db
    .prepare(
      `SELECT project_id AS projectId, message_key AS messageKey, event_id AS eventId, reason,
         attempts, received_at AS receivedAt, failed_at AS failedAt
       FROM ingest_failures WHERE project_id = ? ORDER BY failed_at DESC, id DESC LIMIT ?`,
    )
    .bind(projectId, limit)
    .all<Omit<IngestFailure, 'message'>>();
  return results;
}
