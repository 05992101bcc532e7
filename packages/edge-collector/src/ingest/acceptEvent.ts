import { ClientError } from '../http/ClientError';
import type { ReadyItem } from '../types/IngestMessage';
import { admitEvent } from './admitEvent';
import { clampTimestamp } from './clampTimestamp';
import type { IngestContext } from './IngestContext';
import { normalizeEvent } from './normalizeEvent';
import { packItem } from './packItem';
import { transactionTimes } from './transactionTimes';

export interface AcceptOptions {
  /** `error` for events, `security` for CSP reports (they share one rate limit). */
  category?: string;
  /** `event_id` from the envelope header, used when the event has none. */
  eventIdHint?: unknown;
}

/**
 * The edge stages of one event: validate → clamp its time → filter → rate-limit → queue
 * (sent when the request ends, see `enqueueIngest`). The rest (stack, scrub,
 * fingerprint, store, alerts) happens in the queue consumer (`consumeIngestBatch`).
 * Returns the event id, also for a filtered event (the SDK sees a 200).
 */
export async function acceptEvent(
  raw: unknown,
  ingest: IngestContext,
  { category = 'error', eventIdHint }: AcceptOptions = {},
): Promise<string> {
  const event = clampTimestamp(
    normalizeEvent(raw, ingest.receivedAt, eventIdHint),
    ingest.receivedAt,
  );
  if (await admitEvent(event, category, ingest))
    await queueItem({ kind: 'event', category, event }, category, ingest);
  return event.event_id;
}

/** The edge stages of one `transaction` item; its own rate-limit counter. */
export async function acceptTransaction(
  raw: unknown,
  ingest: IngestContext,
  eventIdHint?: unknown,
): Promise<string> {
  // Times from the raw item: `normalizeEvent` keeps only milliseconds of a timestamp string.
  const times = transactionTimes(raw);
  const event = normalizeEvent(raw, ingest.receivedAt, eventIdHint);
  if (await admitEvent(event, 'transaction', ingest)) {
    await queueItem({ kind: 'transaction', event, times }, 'transaction', ingest);
  }
  return event.event_id;
}

/** Adds an admitted item to the request's queue messages; one too large to carry is a 413. */
async function queueItem(item: ReadyItem, category: string, ingest: IngestContext): Promise<void> {
  try {
    ingest.queued.push(await packItem(item));
  } catch (error) {
    if (error instanceof ClientError) ingest.outcomes.add('invalid', category, 'too_large');
    throw error;
  }
}
