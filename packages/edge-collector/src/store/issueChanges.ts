// SQL for changing an issue's status (deleting one: issueDeletion.ts).

/** A status change from the API, already validated (see issues/parseStatusUpdate.ts). */
export interface StatusChange {
  status: 'unresolved' | 'resolved' | 'ignored';
  resolvedMode?: 'inRelease' | 'inNextRelease' | null;
  /** For `inRelease`: the release the fix ships in. */
  resolvedRelease?: string | null;
  ignoreUntil?: number | null;
  /** Ignore until this many more events / users. */
  ignoreCount?: number | null;
  ignoreUserCount?: number | null;
}

/**
 * Applies a status change in one statement, so "N more events" counts from
 * the count at that moment even while events arrive. Resolving in the next
 * release records the project's newest release: only a later one regresses.
 * Any change clears the regressed mark and a wake-up by the cron that no event
 * has reported yet. Returns false when there is no issue.
 */
export async function updateIssueStatus(
  db: D1Database,
  issueId: number,
  change: StatusChange,
  now: number,
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE issues SET
         status = ?2,
         is_regressed = 0,
         status_changed_at = ?3,
         resolved_at = CASE WHEN ?2 = 'resolved' THEN ?3 END,
         resolved_mode = ?4,
         resolved_release = CASE WHEN ?4 = 'inNextRelease'
           THEN (SELECT version FROM releases r WHERE r.project_id = issues.project_id
                 ORDER BY r.id DESC LIMIT 1)
           ELSE ?5 END,
         ignore_until = ?6,
         ignore_expired_at = NULL,
         ignore_until_count = CASE WHEN ?7 IS NULL THEN NULL ELSE event_count + ?7 END,
         ignore_until_users = CASE WHEN ?8 IS NULL THEN NULL ELSE user_count + ?8 END
       WHERE id = ?1`,
    )
    .bind(
      issueId,
      change.status,
      now,
      change.status === 'resolved' ? (change.resolvedMode ?? null) : null,
      change.status === 'resolved' ? (change.resolvedRelease ?? null) : null,
      change.status === 'ignored' ? (change.ignoreUntil ?? null) : null,
      change.status === 'ignored' ? (change.ignoreCount ?? null) : null,
      change.status === 'ignored' ? (change.ignoreUserCount ?? null) : null,
    )
    .run();
  return result.meta.changes > 0;
}
