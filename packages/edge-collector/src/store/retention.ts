// SQL for the scheduled cleanups.

/**
 * Deletes up to `limit` events received more than their project's
 * `retentionDays` before `now` (`defaultDays` when the project has not set
 * it), and returns how many it deleted. One statement for all projects: it
 * walks projects and each one's (project_id, received_at) index range (CROSS
 * JOIN keeps projects the outer loop; SQLite otherwise picks a scan of the
 * whole events index every run). Issue aggregates (counts, tag values, hourly
 * counts) are kept.
 */
export async function deleteExpiredEvents(
  db: D1Database,
  now: number,
  defaultDays: number,
  limit: number,
): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM events WHERE rowid IN (
         SELECT e.rowid FROM projects p CROSS JOIN events e ON e.project_id = p.id
         WHERE e.received_at < ?1 - coalesce(json_extract(p.settings, '$.retentionDays'), ?2) * 86400000
         LIMIT ?3)`,
    )
    .bind(now, defaultDays, limit)
    .run();
  return result.meta.changes;
}

/**
 * Issues ignored until a time that has passed become unresolved again; returns how
 * many. `ignore_expired_at` keeps the wake-up for the issue's next event, which then
 * reports the 'unignored' transition as it would had the cron not run first.
 */
export async function wakeIgnoredIssues(db: D1Database, now: number): Promise<number> {
  const result = await db
    .prepare(
      `UPDATE issues SET status = 'unresolved', status_changed_at = ?1, ignore_until = NULL,
         ignore_expired_at = ?1, ignore_until_count = NULL, ignore_until_users = NULL
       WHERE status = 'ignored' AND ignore_until IS NOT NULL AND ignore_until <= ?1`,
    )
    .bind(now)
    .run();
  return result.meta.changes;
}
