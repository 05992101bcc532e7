// SQL for the retention of transactions: the raw samples go, then the hourly
// aggregates; the daily rollups stay.

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

/**
 * Deletes up to `limit` hourly aggregate rows of hours before `beforeHour`
 * (seconds) and returns how many; the daily rollups stay. One range read per
 * project on the primary key (project_id, hour, …).
 */
export async function deleteHourlyAggregatesBefore(
  db: D1Database,
  beforeHour: number,
  limit: number,
): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM transaction_aggregates WHERE rowid IN (
         SELECT a.rowid FROM projects p CROSS JOIN transaction_aggregates a
           ON a.project_id = p.id AND a.hour < ?1
         LIMIT ?2)`,
    )
    .bind(beforeHour, limit)
    .run();
  return result.meta.changes;
}
