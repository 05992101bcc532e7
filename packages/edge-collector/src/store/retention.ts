// SQL for the scheduled cleanups.

/**
 * Deletes up to `limit` of a project's events received before `cutoff`, and
 * returns how many it deleted. Issue aggregates (counts, tag values, hourly
 * counts) are kept.
 */
export async function deleteEventsBefore(
  db: D1Database,
  projectId: number,
  cutoff: number,
  limit: number,
): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM events WHERE rowid IN (
         SELECT rowid FROM events WHERE project_id = ? AND received_at < ? LIMIT ?)`,
    )
    .bind(projectId, cutoff, limit)
    .run();
  return result.meta.changes;
}

/** Issues ignored until a time that has passed become unresolved again; returns how many. */
export async function wakeIgnoredIssues(db: D1Database, now: number): Promise<number> {
  const result = await db
    .prepare(
      `UPDATE issues SET status = 'unresolved', status_changed_at = ?1, ignore_until = NULL,
         ignore_until_count = NULL, ignore_until_users = NULL
       WHERE status = 'ignored' AND ignore_until IS NOT NULL AND ignore_until <= ?1`,
    )
    .bind(now)
    .run();
  return result.meta.changes;
}
