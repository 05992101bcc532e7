import type { ProjectSettings } from '../projects/ProjectSettings';
import { upsertAggregateStatement } from '../store/transactionAggregates';
import { insertTransactionStatement, type TransactionRecord } from '../store/transactions';
import type { TraceSegment } from '../types/Trace';
import { aggregateSegments } from './aggregateSegments';

/** A transaction ready to store: its row and its trace segment. */
export interface TransactionToStore {
  record: TransactionRecord;
  segment: TraceSegment;
  settings: ProjectSettings;
}

/**
 * The statements that store a batch of transactions with their aggregates:
 * one upsert per aggregate key (each before the inserts, so it counts only
 * transactions not stored yet), then one insert per transaction.
 */
export function transactionStatements(
  db: D1Database,
  items: TransactionToStore[],
): D1PreparedStatement[] {
  const thresholds = new Map(
    items.map((item) => [item.record.projectId, item.settings.apdexThresholdMs]),
  );
  const rows = aggregateSegments(
    items.map((item) => item.segment),
    (projectId) => thresholds.get(projectId) ?? 300,
  );
  return [
    ...rows.map((row) => upsertAggregateStatement(db, row)),
    ...items.map(({ record }) => insertTransactionStatement(db, record)),
  ];
}

/** Stores a batch of transactions and their aggregates in one D1 batch. */
export async function storeTransactions(
  db: D1Database,
  items: TransactionToStore[],
): Promise<void> {
  if (items.length > 0) await db.batch(transactionStatements(db, items));
}
