import { storeEventWithAlerts } from '../alerts/storeEventWithAlerts';
import type { IngestContext } from '../ingest/IngestContext';
import { setIssueTypeStatement } from '../store/issueTypes';
import type { TransactionRecord } from '../store/transactions';
import { detectNPlusOne } from './detectNPlusOne';
import { transactionRecordToSegment } from './interimTraceSegment';
import { N_PLUS_ONE_TYPE, nPlusOneEventRecord } from './nPlusOneEventRecord';
import { storeTransactions } from './storeTransactions';

/**
 * Stores each N+1 problem a processed transaction's spans show as an event of
 * a `performance_n_plus_one` issue (through the same store-with-alerts path as
 * error events), then the transaction with its aggregates in one D1 batch.
 * In that order, a stored transaction's problems are stored too; if the
 * transaction's batch fails, the SDK's retry finds their events already
 * stored (their ids derive from the transaction's) and counts nothing twice.
 */
export async function storeTransactionInsights(
  ingest: IngestContext,
  record: TransactionRecord,
): Promise<void> {
  const segment = transactionRecordToSegment(record);
  for (const problem of detectNPlusOne(segment)) {
    const { record: event, evidence } = nPlusOneEventRecord(segment, problem, ingest.receivedAt);
    await storeEventWithAlerts(ingest.env, ingest.ctx, event, [
      setIssueTypeStatement(ingest.db, event, N_PLUS_ONE_TYPE, evidence),
    ]);
  }
  await storeTransactions(ingest.db, [{ record, segment, settings: ingest.settings }]);
}
