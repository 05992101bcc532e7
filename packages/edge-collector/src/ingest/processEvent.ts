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
import type { EventRecord } from '../store/events';
import { eventTraceId } from '../traces/eventTraceId';

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
 * The pipeline from a validated event (see `normalizeEvent`) to a row ready
 * to store: enrich → parse stack → scrub → fingerprint → trim. Plain
 * functions of plain data, so each stage can be tested alone. Validation,
 * filters and the rate limit run before it (see `ingestEvent`).
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
  const enriched = parseEventStacks(
    enrichEvent(normalized, { ...context, storeClientIp: settings.storeClientIp }),
  );
  const event = scrubEvent(enriched, scrubOptions);
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
    payload: serializeForStorage({ ...event, received: context.receivedAt / 1000 }),
    release: typeof event.release === 'string' ? event.release : null,
    userKey,
    tags: eventTags(event, userKey),
    traceId: eventTraceId(event),
    ingestToken: randomHex(8),
  };
}
