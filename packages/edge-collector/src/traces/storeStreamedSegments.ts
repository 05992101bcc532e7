import {
  deletePendingUpdates,
  insertPendingUpdate,
  selectPendingUpdates,
  selectSegment,
  updateSegment,
} from '../store/traces';
import { insertTransactionStatement } from '../store/transactions';
import type { StreamedSegments } from '../types/Trace';
import { mergeSegmentUpdate } from './mergeSegmentUpdate';
import { segmentRecord } from './segmentRecord';

/**
 * Stores what a span item held: each new segment, with the updates that came
 * before it merged in; each update merged into its stored segment (measurements
 * updated), or kept pending until the segment arrives. A pending update is
 * deleted only once its segment is stored.
 */
export async function storeStreamedSegments(
  db: D1Database,
  { segments, updates }: Pick<StreamedSegments, 'segments' | 'updates'>,
  receivedAt: number,
): Promise<void> {
  for (const segment of segments) {
    const pending = await selectPendingUpdates(db, segment);
    const merged = pending.updates.reduce(mergeSegmentUpdate, segment);
    await (await insertTransactionStatement(db, segmentRecord(merged, receivedAt))).run();
    await deletePendingUpdates(db, pending.ids);
  }
  for (const update of updates) {
    const stored = await selectSegment(db, update.projectId, update.traceId, update.spanId);
    if (stored) await updateSegment(db, mergeSegmentUpdate(stored, update));
    else await insertPendingUpdate(db, update, receivedAt);
  }
}
