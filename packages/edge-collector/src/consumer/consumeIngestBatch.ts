import { loadAlertSetup } from '../alerts/alertSetupCache';
import { deliverAlerts } from '../alerts/deliverAlerts';
import type { Env } from '../env';
import { aggregateBatch } from '../insights/aggregateBatch';
import { artifactReaderFor } from '../sourcemaps/artifactReaderFor';
import { type StorableMessage, storeIngestBatch } from '../store/ingestBatch';
import { storeStreamedSegments } from '../traces/storeStreamedSegments';
import type { IngestMessage } from '../types/IngestMessage';
import { processMessage } from './processMessage';

/**
 * Rounds of deliveries (10 each) sent right after a batch: three rounds of attempts that
 * time out after 10 s fit in the 30 s waitUntil allows. The cron sends any more.
 */
const ROUNDS_AFTER_BATCH = 3;

/**
 * The consumer pipeline, per queue batch: process each message (`processMessage`),
 * aggregate the batch's transactions (`aggregateBatch`), store the whole batch in one D1 transaction (`storeIngestBatch`), then deliver the
 * alerts it fired. A message whose processing throws is retried alone (after
 * `max_retries` it goes to the dead-letter queue); a D1 failure retries the whole
 * batch, which stores nothing twice. Alerts fired are in the outbox with the events,
 * so what is not delivered here, the cron retries.
 */
export async function consumeIngestBatch(
  batch: MessageBatch<IngestMessage>,
  env: Env,
  ctx: ExecutionContext,
): Promise<void> {
  const storable: StorableMessage[] = [];
  for (const message of batch.messages) {
    try {
      const processed = await processMessage(
        message.body,
        (id) => loadAlertSetup(env.DB, id),
        (id) => artifactReaderFor(env, id),
      );
      // Segments merge with what is stored (late web vitals), so they are written first.
      if (processed.spans) {
        const { apdexThresholdMs, ...spans } = processed.spans;
        await storeStreamedSegments(env.DB, spans, processed.receivedAt, apdexThresholdMs);
      }
      storable.push(processed);
    } catch (error) {
      console.error(`ingest message ${message.id} failed (attempt ${message.attempts}):`, error);
      message.retry();
    }
  }
  let fired: Awaited<ReturnType<typeof storeIngestBatch>>;
  try {
    fired = await storeIngestBatch(
      env.DB,
      storable,
      aggregateBatch(storable.map((m) => m.insights)),
    );
  } catch (error) {
    console.error(`storing an ingest batch of ${batch.messages.length} failed, retrying:`, error);
    batch.retryAll();
    return;
  }
  for (const event of fired) {
    ctx.waitUntil(
      deliverAlerts(env, { event, maxRounds: ROUNDS_AFTER_BATCH }).catch((error) => {
        console.error(
          `delivering alerts of event ${event.eventId} failed, the cron retries:`,
          error,
        );
      }),
    );
  }
}
