// SQL for deleting issues. An issue can hold millions of events, and one D1
// statement that deletes them all would stall ingestion, so a delete hides the
// issue and removes its aggregates at once, and the cron removes its events in
// bounded batches, then the row (see migrations/0041_add_issue_deleted_at.sql).

/**
 * Deletes an issue as the API sees it, in one batch: with `discard`, its
 * fingerprint is remembered so future events are dropped; its tag values,
 * hourly counts and alerts go; the row is marked deleted and its fingerprint
 * renamed, so reads no longer see it and new events open a new issue. Its
 * events wait for `purgeDeletedIssues`. Returns false when there is no issue.
 */
export async function deleteIssue(
  db: D1Database,
  issueId: number,
  discard: boolean,
  now: number,
): Promise<boolean> {
  const statements = [
    ...(discard
      ? [
          db
            .prepare(
              `INSERT OR IGNORE INTO discarded_fingerprints (project_id, fingerprint, discarded_at)
               SELECT project_id, fingerprint, ? FROM issues WHERE id = ? AND deleted_at IS NULL`,
            )
            .bind(now, issueId),
        ]
      : []),
    db.prepare('DELETE FROM issue_tag_values WHERE issue_id = ?').bind(issueId),
    db.prepare('DELETE FROM issue_hourly_counts WHERE issue_id = ?').bind(issueId),
    db.prepare('DELETE FROM alert_issue_users WHERE issue_id = ?').bind(issueId),
    db.prepare('DELETE FROM alerts WHERE issue_id = ?').bind(issueId),
    db
      .prepare(
        `UPDATE issues SET deleted_at = ?2, fingerprint = 'deleted:' || id,
           ingest_token = NULL, transition = NULL
         WHERE id = ?1 AND deleted_at IS NULL`,
      )
      .bind(issueId, now),
  ];
  const results = await db.batch(statements);
  return (results[results.length - 1]?.meta.changes ?? 0) > 0;
}

/**
 * Deletes up to `limit` events of deleted issues, then up to `limit` deleted
 * issues that have no events left. Returns how many events it deleted.
 */
export async function purgeDeletedIssues(db: D1Database, limit: number): Promise<number> {
  const [events] = await db.batch([
    db
      .prepare(
        `DELETE FROM events WHERE rowid IN (
           SELECT e.rowid FROM issues i JOIN events e ON e.issue_id = i.id
           WHERE i.deleted_at IS NOT NULL LIMIT ?1)`,
      )
      .bind(limit),
    db
      .prepare(
        `DELETE FROM issues WHERE id IN (
           SELECT i.id FROM issues i WHERE i.deleted_at IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM events e WHERE e.issue_id = i.id)
           LIMIT ?1)`,
      )
      .bind(limit),
  ]);
  return events?.meta.changes ?? 0;
}
