import { DEFAULT_PROJECT_SETTINGS } from '../projects/ProjectSettings';
import { deleteReceiptsBefore } from '../store/ingestBatch';
import { purgeDeletedIssues } from '../store/issueDeletion';
import { deleteOutcomesBefore } from '../store/outcomes';
import { deleteExpiredEvents, wakeIgnoredIssues } from '../store/retention';
import { deletePendingUpdatesBefore } from '../store/traces';
import {
  deleteExpiredTransactions,
  deleteHourlyAggregatesBefore,
} from '../store/transactionRetention';

/**
 * Outcome counts (rate limiter, `GET /api/0/projects/:id/stats/`) are kept this long:
 * the stats' default window. A busy project writes a few rows a minute.
 */
export const KEEP_OUTCOMES_MS = 30 * 24 * 60 * 60 * 1000;

/** Ingest receipts are kept longer than the queue keeps a message (4 days). */
export const KEEP_RECEIPTS_MS = 5 * 24 * 60 * 60 * 1000;

/** Late web vitals whose page load never came are kept a day (a page load comes within seconds). */
export const KEEP_PENDING_SEGMENT_UPDATES_MS = 24 * 60 * 60 * 1000;

/**
 * Hourly performance aggregates are kept this long: the longest period (90 days)
 * reads its whole days from the daily rollups (kept as long as the project) and
 * the hours at its edges from the hourly rows, the oldest under 91 days old.
 */
export const KEEP_HOURLY_AGGREGATES_MS = 92 * 24 * 60 * 60 * 1000;

export interface RetentionLimits {
  /** Rows deleted per statement: small enough to keep D1 responsive for ingestion. */
  batchSize: number;
  /** Statements per run and kind of cleanup; what is left waits for the next minute. */
  maxBatches: number;
}

/** Runs `deleteBatch` until it deletes fewer than a batch or the run's budget is spent. */
async function deleteInBatches(
  limits: RetentionLimits,
  deleteBatch: (limit: number) => Promise<number>,
): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < limits.maxBatches; batch++) {
    const count = await deleteBatch(limits.batchSize);
    deleted += count;
    if (count < limits.batchSize) break;
  }
  return deleted;
}

/**
 * Wakes issues ignored until a time that has passed, deletes events older
 * than each project's `retentionDays` (issue counts, tag values and hourly
 * counts stay), the events of deleted issues and outcome counts older than
 * `KEEP_OUTCOMES_MS` and hourly performance aggregates older than
 * `KEEP_HOURLY_AGGREGATES_MS` (their daily rollups stay), all in bounded
 * batches. Returns how many events it deleted.
 */
export async function runRetention(
  db: D1Database,
  now: number,
  limits: RetentionLimits = { batchSize: 500, maxBatches: 20 },
): Promise<number> {
  await wakeIgnoredIssues(db, now);
  const expired = await deleteInBatches(limits, (limit) =>
    deleteExpiredEvents(db, now, DEFAULT_PROJECT_SETTINGS.retentionDays, limit),
  );
  await deleteInBatches(limits, (limit) =>
    deleteExpiredTransactions(db, now, DEFAULT_PROJECT_SETTINGS.retentionDays, limit),
  );
  const ofDeletedIssues = await deleteInBatches(limits, (limit) => purgeDeletedIssues(db, limit));
  await deleteInBatches(limits, (limit) => deleteOutcomesBefore(db, now - KEEP_OUTCOMES_MS, limit));
  await deleteInBatches(limits, (limit) => deleteReceiptsBefore(db, now - KEEP_RECEIPTS_MS, limit));
  await deleteInBatches(limits, (limit) =>
    deletePendingUpdatesBefore(db, now - KEEP_PENDING_SEGMENT_UPDATES_MS, limit),
  );
  await deleteInBatches(limits, (limit) =>
    deleteHourlyAggregatesBefore(db, Math.floor((now - KEEP_HOURLY_AGGREGATES_MS) / 1000), limit),
  );
  return expired + ofDeletedIssues;
}
