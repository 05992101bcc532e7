import { DEFAULT_PROJECT_SETTINGS } from '../projects/ProjectSettings';
import { deleteExpiredEvents, wakeIgnoredIssues } from '../store/retention';

export interface RetentionLimits {
  /** Events deleted per statement: small enough to keep D1 responsive for ingestion. */
  batchSize: number;
  /** Statements per run; what is left waits for the next minute. */
  maxBatches: number;
}

/**
 * Deletes events older than each project's `retentionDays` in bounded
 * batches (issue counts, tag values and hourly counts stay), and wakes issues
 * ignored until a time that has passed. Returns how many events it deleted.
 */
export async function runRetention(
  db: D1Database,
  now: number,
  limits: RetentionLimits = { batchSize: 500, maxBatches: 20 },
): Promise<number> {
  await wakeIgnoredIssues(db, now);
  let deleted = 0;
  for (let batch = 0; batch < limits.maxBatches; batch++) {
    const count = await deleteExpiredEvents(
      db,
      now,
      DEFAULT_PROJECT_SETTINGS.retentionDays,
      limits.batchSize,
    );
    deleted += count;
    if (count < limits.batchSize) break;
  }
  return deleted;
}
