import { ClientError } from '../http/ClientError';
import type { Envelope, EnvelopeItem } from './parseEnvelope';

/**
 * Item types that each become one event: Relay refuses an envelope with more
 * than one of them (`duplicate item`), since an envelope is one event plus
 * what belongs to it.
 */
const EVENT_LIKE_TYPES = new Set(['event', 'transaction', 'security', 'raw_security', 'nel']);

/** The largest `item_count` a batched item (spans, logs) may claim: the SDKs flush at 1000. */
export const MAX_ITEM_COUNT = 1000;

const MiB = 1024 * 1024;

/** Relay's per-item size limits, for the types it bounds more tightly than the envelope. */
const MAX_ITEM_BYTES: Record<string, number> = {
  event: MiB,
  transaction: MiB,
  security: MiB,
  raw_security: MiB,
  nel: MiB,
  user_report: MiB,
  feedback: MiB,
  span: MiB,
  log: MiB,
  session: MiB,
  sessions: MiB,
  check_in: 100 * 1024,
};

function checkItem(item: EnvelopeItem, index: number): void {
  const { type, item_count: count } = item.header;
  const maxBytes = MAX_ITEM_BYTES[type];
  if (maxBytes !== undefined && item.payload.length > maxBytes) {
    throw new ClientError(413, `item ${index} is over ${maxBytes} bytes (${type})`);
  }
  if (typeof count === 'number' && count > MAX_ITEM_COUNT) {
    throw new ClientError(413, `item ${index} claims an item_count over ${MAX_ITEM_COUNT}`);
  }
}

/**
 * Refuses, before any work is done for it, an envelope that no SDK sends:
 * more than one event-like item (400), or an item over its size or count
 * limit (413). Relay's rules; the answer costs no storage round trip.
 */
export function checkEnvelopeLimits(envelope: Envelope): void {
  let eventLike = 0;
  for (const [index, item] of envelope.items.entries()) {
    if (EVENT_LIKE_TYPES.has(item.header.type)) eventLike += 1;
    if (eventLike > 1) {
      throw new ClientError(
        400,
        'envelope holds more than one event-like item (event, transaction, security report)',
      );
    }
    checkItem(item, index);
  }
}
