import { describeEvent } from '../fingerprint/describeEvent';
import { fingerprintEvent } from '../fingerprint/fingerprintEvent';
import { parseFingerprintRules } from '../fingerprint/fingerprintRules';
import { eventTags } from '../issues/eventTags';
import { identifyUser } from '../issues/identifyUser';
import { randomHex } from '../lib/randomHex';
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../projects/ProjectSettings';
import { scrubEvent } from '../scrub/scrubEvent';
import { parseEventStacks } from '../stack/parseEventStacks';
import type { EventRecord } from '../store/events';
import { normalizeEvent } from './normalizeEvent';

export interface ProcessContext {
  projectId: number;
  receivedAt: number;
  /** `event_id` from the envelope header, used when the event itself has none. */
  eventIdHint?: unknown;
  /** The sender's IP (`CF-Connecting-IP`): only its salted hash is kept, to count users. */
  clientIp?: string;
  /** The project's resolved settings (scrubbing, fingerprint rules); defaults if absent. */
  settings?: ProjectSettings;
  /** The project's secret salt (see `KeyRecord.salt`). */
  salt?: string;
}

/**
 * The pipeline from a decoded event payload to a row ready to store:
 * validate → parse stack → scrub → fingerprint. Plain functions of plain data,
 * so each stage can be tested alone.
 */
export async function processEvent(raw: unknown, context: ProcessContext): Promise<EventRecord> {
  const settings = context.settings ?? DEFAULT_PROJECT_SETTINGS;
  const salt = context.salt ?? '';
  const parsed = parseEventStacks(normalizeEvent(raw, context.receivedAt, context.eventIdHint));
  const userKey = identifyUser(parsed, context.clientIp, salt); // before scrubbing drops the IP
  const event = scrubEvent(parsed, { ...settings, salt });
  const { title, culprit } = describeEvent(event);
  const fingerprint = fingerprintEvent(event, parseFingerprintRules(settings.fingerprintRules));
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
    release: typeof event.release === 'string' ? event.release : null,
    userKey,
    tags: eventTags(event, userKey),
    ingestToken: randomHex(8),
  };
}
