import type { TransactionAggregate } from '../types/TransactionAggregate';
import type { TransactionInsights } from '../types/TransactionInsights';
import { aggregateSegments } from './aggregateSegments';

/**
 * The consumer's aggregate stage: the aggregate rows of a whole batch's
 * transactions, one per key, so the batch store writes one upsert per key.
 */
export function aggregateBatch(
  insights: (TransactionInsights | undefined)[],
): TransactionAggregate[] {
  const present = insights.filter((entry): entry is TransactionInsights => entry !== undefined);
  const thresholds = new Map(
    present.map((entry) => [entry.segment.projectId, entry.apdexThresholdMs]),
  );
  return aggregateSegments(
    present.map((entry) => entry.segment),
    (projectId) => thresholds.get(projectId) ?? 300,
  );
}
