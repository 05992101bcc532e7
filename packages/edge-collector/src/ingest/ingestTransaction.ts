import { storeTransactionInsights } from '../insights/storeTransactionInsights';
import { admitEvent, storeAdmitted } from './admitEvent';
import type { IngestContext } from './IngestContext';
import { normalizeEvent } from './normalizeEvent';
import { processTransaction, transactionTimes } from './processTransaction';

/** One `transaction` item: validate → filter → rate-limit (its own counter) → process → store. */
export async function ingestTransaction(
  raw: unknown,
  ingest: IngestContext,
  eventIdHint?: unknown,
): Promise<string> {
  const event = normalizeEvent(raw, ingest.receivedAt, eventIdHint);
  if (!(await admitEvent(event, 'transaction', ingest))) return event.event_id;
  return storeAdmitted('transaction', ingest, async () => {
    // Times from the raw item: `normalizeEvent` keeps only milliseconds of a timestamp string.
    const record = processTransaction(event, transactionTimes(raw), ingest);
    await storeTransactionInsights(ingest, record);
    return record.eventId;
  });
}
