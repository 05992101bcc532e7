import { ClientError } from '../http/ClientError';
import { countClientReport } from '../outcomes/countClientReport';
import { dataCategory } from '../outcomes/dataCategory';
import { acceptEvent, acceptTransaction } from './acceptEvent';
import type { IngestContext } from './IngestContext';
import type { EnvelopeItem } from './parseEnvelope';
import { parseLenientJson } from './parseLenientJson';
import { transactionTimes } from './transactionTimes';

/** Relay's limit for one event or transaction, decompressed. */
export const MAX_EVENT_BYTES = 1024 * 1024;

/** Item types whose payload is a JSON event the collector stores. */
const STORED_TYPES = new Set(['event', 'transaction']);

/** An item ready to ingest: stored types have their JSON parsed up front. */
export interface ReadyItem {
  item: EnvelopeItem;
  json?: unknown;
}

/**
 * Parses the JSON of every event and transaction item, and checks the
 * transactions' timestamps, before anything is stored, so a bad item fails
 * the envelope without half of it written.
 */
export function prepareItems(items: EnvelopeItem[]): ReadyItem[] {
  return items.map((item, index) => {
    if (!STORED_TYPES.has(item.header.type)) return { item };
    if (item.payload.length > MAX_EVENT_BYTES) {
      throw new ClientError(413, `item ${index} is over ${MAX_EVENT_BYTES} bytes`);
    }
    const json = parseLenientJson(item.payload, `invalid envelope: item ${index} payload`);
    if (item.header.type === 'transaction') transactionTimes(json);
    return { item, json };
  });
}

/** How many things an item holds: spans batch them (`item_count`), others are one. */
function itemQuantity(item: EnvelopeItem): number {
  const count = item.header.item_count;
  return typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : 1;
}

/**
 * Handles one envelope item: queues events and transactions, counts client
 * reports' discards, and counts every other type (sessions, spans,
 * attachments, types not invented yet) as received without storing it.
 * Returns the event's id, if the item was one.
 */
export async function acceptItem(
  { item, json }: ReadyItem,
  ingest: IngestContext,
  eventIdHint: unknown,
): Promise<string | undefined> {
  switch (item.header.type) {
    case 'event':
      return acceptEvent(json, ingest, { eventIdHint });
    case 'transaction':
      return acceptTransaction(json, ingest, eventIdHint);
    case 'client_report':
      countClientReport(item.payload, ingest.outcomes);
      return undefined;
    default:
      ingest.outcomes.add('received', dataCategory(item.header.type), '', itemQuantity(item));
      return undefined;
  }
}
