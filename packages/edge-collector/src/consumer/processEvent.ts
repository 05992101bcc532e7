import { enrichEvent } from '../enrich/enrichEvent';
import { describeEvent } from '../fingerprint/describeEvent';
import { fingerprintEvent } from '../fingerprint/fingerprintEvent';
import { parseFingerprintRules } from '../fingerprint/fingerprintRules';
import { eventTags } from '../issues/eventTags';
import { identifyUser } from '../issues/identifyUser';
import { randomHex } from '../lib/randomHex';
import { serializeForStorage } from '../limits/trimEvent';
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../projects/ProjectSettings';
import type { SentryEvent } from '../protocol/SentryEvent';
import { masksUserId, scrubEvent } from '../scrub/scrubEvent';
import { scrubOptionsFor } from '../scrub/scrubOptionsFor';
import { parseEventStacks } from '../stack/parseEventStacks';
import type { EventRecord } from '../types/EventRecord';

export interface ProcessContext {
  projectId: number;
  receivedAt: number;
  /** The sender's address from `CF-Connecting-IP` (set by the routes; stored only if allowed). */
  clientIp?: string;
  /** The delivering request's `User-Agent`, for browser events that carry none. */
  userAgent?: string;
  /** ISO country code from Cloudflare's `request.cf.country`. */
  country?: string;
  /** The project's settings; defaults when absent. */
  settings?: ProjectSettings;
  /** The project's secret salt, for hashed IPs (distinct users) and hashed scrubbed values. */
  salt?: string;
}

/**
 * The consumer's stages for one validated, admitted event (see `acceptEvent` for the
 * edge's): enrich → parse stack → scrub → fingerprint → trim, in the style of Sentry's
 * `prepareEvent`. Plain functions of plain data, so each stage can be tested alone;
 * a new stage (symbolication, say) is one more line in the order it runs.
 */
export async function processEvent(
  normalized: SentryEvent,
  context: ProcessContext,
): Promise<EventRecord> {
  const settings = context.settings ?? DEFAULT_PROJECT_SETTINGS;
  const salt = context.salt ?? '';
  const scrubOptions = scrubOptionsFor(settings, salt);
  // Before the IP is dropped; a user id the project scrubs is counted by its hash.
  const userKey = identifyUser(normalized, context.clientIp, salt, masksUserId(scrubOptions));
  let event = enrichEvent(normalized, { ...context, storeClientIp: settings.storeClientIp });
  event = parseEventStacks(event);
  event = scrubEvent(event, scrubOptions);
  const fingerprint = fingerprintEvent(event, parseFingerprintRules(settings.fingerprintRules));
  return toEventRecord(event, {
    projectId: context.projectId,
    receivedAt: context.receivedAt,
    fingerprint,
    userKey,
  });
}

/** The row to store for a processed event: its description, tags and trimmed payload. */
function toEventRecord(
  event: SentryEvent,
  facts: { projectId: number; receivedAt: number; fingerprint: string; userKey: string | null },
): EventRecord {
  const { title, culprit } = describeEvent(event);
  return {
    projectId: facts.projectId,
    eventId: event.event_id,
    fingerprint: facts.fingerprint,
    title,
    culprit,
    level: event.level,
    platform: event.platform,
    receivedAt: facts.receivedAt,
    occurredAt: Math.round(event.timestamp * 1000),
    payload: serializeForStorage({ ...event, received: facts.receivedAt / 1000 }),
    release: typeof event.release === 'string' ? event.release : null,
    userKey: facts.userKey,
    tags: eventTags(event, facts.userKey),
    ingestToken: randomHex(8),
  };
}
