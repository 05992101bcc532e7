// SQL for the retention of raw transactions: the samples go, the aggregates stay.

/**
 * Deletes up to `limit` transactions older than their project's
 * `retentionDays` before `now` (`defaultDays` when unset) and returns how many.
 * Their hourly aggregates (transaction_aggregates) are kept, as issue counts are.
 */
export async function deleteExpiredTransactions(
  db: D1Database,
  now: number,
  defaultDays: number,
  limit: number,
): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM transactions WHERE rowid IN (
         SELECT t.rowid FROM projects p CROSS JOIN transactions t ON t.project_id = p.id
         WHERE t.received_at < ?1 - coalesce(json_extract(p.settings, '$.retentionDays'), ?2) * 86400000
         LIMIT ?3)`,
    )
    .bind(now, defaultDays, limit)
    .run();
  return result.meta.changes;
}
