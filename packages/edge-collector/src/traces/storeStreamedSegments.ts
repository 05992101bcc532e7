import { aggregateChange } from '../insights/aggregateChange';
import { aggregateSegments } from '../insights/aggregateSegments';
import {
  deletePendingUpdatesStatement,
  insertPendingUpdate,
  selectPendingUpdates,
  selectSegment,
  updateSegmentStatement,
} from '../store/traces';
import {
  addAggregateChangeStatement,
  upsertAggregateStatement,
} from '../store/transactionAggregates';
import { insertTransactionStatement } from '../store/transactions';
import type { StreamedSegments } from '../types/Trace';
import { mergeSegmentUpdate } from './mergeSegmentUpdate';
import { segmentRecord } from './segmentRecord';

/**
 * Stores what a span item held, and counts it in the performance aggregates as
 * transaction events are: each new segment, with the updates that came before
 * it merged in, is stored with its aggregate row; each update is merged into
 * its stored segment, the aggregate row gaining what the merge changed (the
 * late LCP, CLS and INP), or is kept pending until the segment arrives. Each
 * step is one D1 batch, and each is guarded so that a redelivered item counts
 * nothing twice (see `upsertAggregateStatement`, `addAggregateChangeStatement`).
 */
export async function storeStreamedSegments(
  db: D1Database,
  { segments, updates }: Pick<StreamedSegments, 'segments' | 'updates'>,
  receivedAt: number,
  apdexThresholdMs: number,
): Promise<void> {
  const threshold = () => apdexThresholdMs;
  for (const segment of segments) {
    const pending = await selectPendingUpdates(db, segment);
    const merged = pending.updates.reduce(mergeSegmentUpdate, segment);
    await db.batch([
      ...aggregateSegments([merged], threshold).map((row) => upsertAggregateStatement(db, row)),
      await insertTransactionStatement(db, segmentRecord(merged, receivedAt)),
      deletePendingUpdatesStatement(db, pending.ids),
    ]);
  }
  for (const update of updates) {
    const stored = await selectSegment(db, update.projectId, update.traceId, update.spanId);
    if (!stored) {
      await insertPendingUpdate(db, update, receivedAt);
      continue;
    }
    const merged = mergeSegmentUpdate(stored.segment, update);
    const change = aggregateChange(stored.segment, merged, apdexThresholdMs);
    await db.batch([
      ...(change
        ? [
            addAggregateChangeStatement(db, change, {
              eventId: merged.eventId,
              segmentGzip: stored.segmentGzip,
            }),
          ]
        : []),
      await updateSegmentStatement(db, stored, merged),
    ]);
  }
}
