import { storeEventWithAlerts } from '../alerts/storeEventWithAlerts';
import type { IngestContext } from '../ingest/IngestContext';
import { setIssueTypeStatement } from '../store/issueTypes';
import type { TransactionRecord } from '../store/transactions';
import { detectNPlusOne } from './detectNPlusOne';
import { transactionRecordToSegment } from './interimTraceSegment';
import { N_PLUS_ONE_TYPE, nPlusOneEventRecord } from './nPlusOneEventRecord';
import { storeTransactions } from './storeTransactions';

/**
 * Stores a processed transaction with its aggregates (one D1 batch), then each
 * N+1 problem its spans show as an event of a `performance_n_plus_one` issue,
 * through the same store-with-alerts path as error events.
 */
export async function storeTransactionInsights(
  ingest: IngestContext,
  record: TransactionRecord,
): Promise<void> {
  const segment = transactionRecordToSegment(record);
  await storeTransactions(ingest.db, [{ record, segment, settings: ingest.settings }]);
  for (const problem of detectNPlusOne(segment)) {
    const { record: event, evidence } = nPlusOneEventRecord(segment, problem, ingest.receivedAt);
    await storeEventWithAlerts(ingest.env, ingest.ctx, event, [
      setIssueTypeStatement(ingest.db, event, N_PLUS_ONE_TYPE, evidence),
    ]);
  }
}
