import { describeEvent } from '../fingerprint/describeEvent';
import { fingerprintEvent } from '../fingerprint/fingerprintEvent';
import { parseEventStacks } from '../stack/parseEventStacks';
import type { EventRecord } from '../store/events';
import { normalizeEvent } from './normalizeEvent';

export interface ProcessContext {
  projectId: number;
  receivedAt: number;
  /** `event_id` from the envelope header, used when the event itself has none. */
  eventIdHint?: unknown;
}

/**
 * The pipeline from a decoded event payload to a row ready to store:
 * validate → parse stack → fingerprint. Pure apart from hashing, so each stage
 * can be tested alone.
 */
export async function processEvent(raw: unknown, context: ProcessContext): Promise<EventRecord> {
  const event = parseEventStacks(normalizeEvent(raw, context.receivedAt, context.eventIdHint));
  const { title, culprit } = describeEvent(event);
  const fingerprint = await fingerprintEvent(event);
  return {
    projectId: context.projectId,
    eventId: event.event_id,
    fingerprint,
    title,
    culprit,
    level: event.level,
    platform: event.platform,
    receivedAt: context.receivedAt,
    occurredAt: Math.round(event.timestamp * 1000),
    payload: JSON.stringify({ ...event, received: context.receivedAt / 1000 }),
  };
}
