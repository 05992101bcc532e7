import {
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import worker from '../src/index';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { DEFAULT_PROJECT_SETTINGS } from '../src/projects/ProjectSettings';
import type { IngestMessage } from '../src/types/IngestMessage';

/** An ingest queue message holding one error event, as the edge sends it. */
export function eventMessage(
  projectId: number,
  raw: Record<string, unknown>,
  receivedAt = Date.now(),
): IngestMessage {
  const event = normalizeEvent(raw, receivedAt);
  return {
    key: event.event_id,
    sender: { projectId, receivedAt, settings: DEFAULT_PROJECT_SETTINGS, salt: 'test-salt' },
    item: { kind: 'event', category: 'error', event },
    outcomes: [],
  };
}

let sequence = 0;

/**
 * Runs the Worker's `queue()` handler on one batch of `bodies` (delivered `attempts`
 * times already) with `environment`, and waits for what it left running (alert
 * deliveries). Returns which messages it acknowledged and which it retried.
 */
export async function consumeBatch(
  bodies: IngestMessage[],
  { queue = 'faultline-ingest', attempts = 1, environment = env } = {},
) {
  const batch = createMessageBatch<IngestMessage>(
    queue,
    bodies.map((body) => {
      sequence += 1;
      return { id: `message-${sequence}`, timestamp: new Date(), attempts, body };
    }),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, environment, ctx);
  const result = await getQueueResult(batch, ctx);
  await waitOnExecutionContext(ctx);
  return result;
}
