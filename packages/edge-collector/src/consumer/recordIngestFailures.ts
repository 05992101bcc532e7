import { loadAlertSetup } from '../alerts/alertSetupCache';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { insertIngestFailures } from '../store/ingestFailures';
import type { IngestMessage } from '../types/IngestMessage';
import { processMessage } from './processMessage';

/**
 * Why a message failed: the error its processing throws (its stages are plain
 * functions of its data, so they fail again the same way), or else storage.
 */
async function failureReason(message: IngestMessage, env: Env): Promise<string> {
  try {
    await processMessage(message, async (id) => loadAlertSetup(await projectDatabase(env, id), id));
  } catch (error) {
    return `processing failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  return 'storing failed on every attempt';
}

/** The item's event id; read with care, as a dead message may be malformed. */
function eventIdOf(message: IngestMessage): string | null {
  const item = message.item as {
    kind?: string;
    eventId?: string;
    key?: string;
    event?: { event_id?: unknown };
  };
  const id =
    item?.kind === 'packed'
      ? item.eventId
      : item?.kind === 'spans'
        ? item.key
        : item?.event?.event_id;
  return typeof id === 'string' ? id : null;
}

/**
 * The dead-letter queue's consumer: records each message the ingest consumer gave up
 * on in `ingest_failures`, with the reason and the message itself, readable through
 * `GET /api/0/projects/:id/ingest-failures/`. If D1 fails here too, the batch is
 * retried: a failure is recorded, never dropped silently.
 */
export async function recordIngestFailures(
  batch: MessageBatch<IngestMessage>,
  env: Env,
): Promise<void> {
  const now = Date.now();
  const failures = await Promise.all(
    batch.messages.map(async ({ body, attempts }) => ({
      projectId: body.sender.projectId,
      messageKey: body.key,
      eventId: eventIdOf(body),
      reason: await failureReason(body, env),
      attempts,
      receivedAt: body.sender.receivedAt,
      failedAt: now,
      message: JSON.stringify(body),
    })),
  );
  try {
    await insertIngestFailures(env.DB, failures);
  } catch (error) {
    console.error('recording ingest failures failed, retrying:', error);
    batch.retryAll();
  }
}
