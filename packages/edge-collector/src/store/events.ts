// SQL for storing events and grouping them into issues.

/** An event ready for storage: processed, scrubbed and fingerprinted. */
export interface EventRecord {
  projectId: number;
  eventId: string;
  fingerprint: string;
  title: string;
  culprit: string;
  level: string;
  platform: string;
  receivedAt: number;
  occurredAt: number;
  payload: string;
}

export interface StoredEvent {
  issueId: number;
  /** False when this event id was already stored (an SDK resend): nothing was counted. */
  created: boolean;
  /** Results of the caller's `extraStatements`, in order. */
  extraResults: D1Result[];
}

/**
 * Stores an event and counts it into its issue in one D1 batch (one
 * transaction), so concurrent events of one issue never lose a count and a
 * resent event id is neither stored nor counted twice. `extraStatements` (alerts) run
 * in the same transaction, after the issue and the event are written.
 */
export async function insertEvent(
  db: D1Database,
  event: EventRecord,
  extraStatements: D1PreparedStatement[] = [],
): Promise<StoredEvent> {
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO issues (project_id, fingerprint, title, culprit, level, platform,
           event_count, first_seen, last_seen)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7
         WHERE NOT EXISTS (SELECT 1 FROM events WHERE project_id = ?1 AND event_id = ?8)
         ON CONFLICT (project_id, fingerprint) DO UPDATE SET
           event_count = event_count + 1,
           last_seen = max(last_seen, excluded.last_seen),
           title = excluded.title,
           culprit = excluded.culprit,
           level = excluded.level`,
      )
      .bind(
        event.projectId,
        event.fingerprint,
        event.title,
        event.culprit,
        event.level,
        event.platform,
        event.receivedAt,
        event.eventId,
      ),
    db
      .prepare(
        `INSERT OR IGNORE INTO events
           (project_id, event_id, issue_id, received_at, occurred_at, level, payload)
         VALUES (?1, ?2, (SELECT id FROM issues WHERE project_id = ?1 AND fingerprint = ?3),
           ?4, ?5, ?6, ?7)`,
      )
      .bind(
        event.projectId,
        event.eventId,
        event.fingerprint,
        event.receivedAt,
        event.occurredAt,
        event.level,
        event.payload,
      ),
    db
      .prepare('SELECT issue_id FROM events WHERE project_id = ? AND event_id = ?')
      .bind(event.projectId, event.eventId),
    ...extraStatements,
  ]);
  const issueId = (results[2]?.results[0] as { issue_id: number } | undefined)?.issue_id;
  if (issueId === undefined) throw new Error('D1 did not return the event issue');
  return {
    issueId,
    created: (results[1]?.meta.changes ?? 0) > 0,
    extraResults: results.slice(3),
  };
}

/** The newest event of an issue, as the stored JSON payload. */
export async function selectLatestEvent(
  db: D1Database,
  issueId: number,
): Promise<Record<string, unknown> | null> {
  const row = await db
    .prepare(
      'SELECT payload FROM events WHERE issue_id = ? ORDER BY received_at DESC, rowid DESC LIMIT 1',
    )
    .bind(issueId)
    .first<{ payload: string }>();
  return row ? (JSON.parse(row.payload) as Record<string, unknown>) : null;
}
