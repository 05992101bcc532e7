import { loadAlertSetup } from '../alerts/alertSetupCache';
import { deliverAlerts } from '../alerts/deliverAlerts';
import { projectBinding, projectDatabase } from '../databases/projectDatabase';
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
 * aggregate the batch's transactions (`aggregateBatch`), store the whole batch in one D1
 * transaction per database its projects live on (`storeIngestBatch`), then deliver the
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
  // Each project's data lives in its own database: the batch is stored per database.
  const groups = new Map<string, StorableMessage[]>();
  for (const message of batch.messages) {
    try {
      const projectId = message.body.sender.projectId;
      const db = await projectDatabase(env, projectId);
      const processed = await processMessage(
        message.body,
        (id) => loadAlertSetup(db, id),
        (id) => artifactReaderFor(env, id),
      );
      // Segments merge with what is stored (late web vitals), so they are written first.
      if (processed.spans) {
        const { apdexThresholdMs, ...spans } = processed.spans;
        await storeStreamedSegments(db, spans, processed.receivedAt, apdexThresholdMs);
      }
      const binding = await projectBinding(env, projectId);
      const group = groups.get(binding);
      if (group) group.push(processed);
      else groups.set(binding, [processed]);
    } catch (error) {
      console.error(`ingest message ${message.id} failed (attempt ${message.attempts}):`, error);
      message.retry();
    }
  }
  // One transaction per database; if one fails, the whole batch is retried: what the
  // others stored is recognised by its receipts and stores nothing twice.
  const stored = await Promise.allSettled(
    [...groups].map(async ([binding, storable]) => {
      const db = await projectDatabase(env, storable[0]?.projectId ?? 0);
      const fired = await storeIngestBatch(
        db,
        storable,
        aggregateBatch(storable.map((m) => m.insights)),
      );
      return { binding, db, fired };
    }),
  );
  for (const result of stored) {
    if (result.status === 'fulfilled') continue;
    console.error(
      `storing an ingest batch of ${batch.messages.length} failed, retrying:`,
      result.reason,
    );
    batch.retryAll();
    return;
  }
  for (const result of stored) {
    if (result.status !== 'fulfilled') continue;
    const { db, fired } = result.value;
    for (const event of fired) {
      ctx.waitUntil(
        deliverAlerts(env, db, { event, maxRounds: ROUNDS_AFTER_BATCH }).catch((error) => {
          console.error(
            `delivering alerts of event ${event.eventId} failed, the cron retries:`,
            error,
          );
        }),
      );
    }
  }
}
