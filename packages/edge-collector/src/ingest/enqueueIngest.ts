import { ClientError } from '../http/ClientError';
import { randomHex } from '../lib/randomHex';
import type { IngestMessage, SenderFacts } from '../types/IngestMessage';
import type { IngestContext } from './IngestContext';
import { queuedItemKey } from './packItem';

/** Seconds an SDK waits before resending when the queue refused a message. */
const QUEUE_RETRY_AFTER_SECONDS = '10';
/** Cloudflare Queues take at most 100 messages and 256 KB in one `sendBatch`; keep a margin. */
const MAX_BATCH_MESSAGES = 100;
const MAX_BATCH_BYTES = 240_000;

/**
 * The messages in `sendBatch`-sized groups: an envelope's items are each at most
 * `MAX_QUEUED_ITEM_BYTES`, but together they may exceed what one call carries.
 */
function sendBatches(messages: IngestMessage[]): MessageSendRequest<IngestMessage>[][] {
  const batches: MessageSendRequest<IngestMessage>[][] = [];
  let batch: MessageSendRequest<IngestMessage>[] = [];
  let bytes = 0;
  for (const body of messages) {
    const size = JSON.stringify(body).length;
    if (
      batch.length > 0 &&
      (batch.length === MAX_BATCH_MESSAGES || bytes + size > MAX_BATCH_BYTES)
    ) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push({ body, contentType: 'json' });
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * The edge's last stage: hands the request's admitted items, one message each, and its
 * outcome counts (riding on the message of the event id the client is answered with,
 * or alone under that id) to the ingest queue. Nothing
 * here writes to D1. Outcome counts alone are keyed by the request's event id when
 * it has one (a resent filtered event is counted once). A refused send is a 503 with
 * Retry-After, so the SDK sends again; the consumer stores a resent event id once.
 */
export async function enqueueIngest(ingest: IngestContext, eventId?: string | null): Promise<void> {
  const sender: SenderFacts = {
    projectId: ingest.projectId,
    receivedAt: ingest.receivedAt,
    settings: ingest.settings,
    salt: ingest.salt,
    clientIp: ingest.clientIp,
    userAgent: ingest.userAgent,
    country: ingest.country,
  };
  const outcomes = ingest.outcomes.drain();
  const messages: IngestMessage[] = ingest.queued.map((item) => ({
    key: queuedItemKey(item),
    sender,
    item,
    outcomes: [],
  }));
  ingest.queued = [];
  // The counts ride with the answered event id's item, else go alone under that id.
  const answered = messages.find((message) => message.key === eventId);
  if (answered) answered.outcomes = outcomes;
  else if (outcomes.length > 0) messages.push({ key: eventId ?? randomHex(16), sender, outcomes });
  if (messages.length === 0) return;
  try {
    // One call per group; a failure part-way is a 503, and the resent envelope's
    // items already queued are stored once (keyed by event id).
    for (const batch of sendBatches(messages)) await ingest.env.QUEUE.sendBatch(batch);
  } catch (error) {
    console.error('the ingest queue refused a message:', error);
    throw new ClientError(503, 'the ingest queue is unavailable, retry later', {
      'Retry-After': QUEUE_RETRY_AFTER_SECONDS,
    });
  }
}
