import { storeEventWithAlerts } from '../alerts/storeEventWithAlerts';
import { admitEvent, storeAdmitted } from './admitEvent';
import type { IngestContext } from './IngestContext';
import { normalizeEvent } from './normalizeEvent';
import { processEvent } from './processEvent';

export interface IngestEventOptions {
  /** `error` for events, `security` for CSP reports (they share one rate limit). */
  category?: string;
  /** `event_id` from the envelope header, used when the event has none. */
  eventIdHint?: unknown;
}

/**
 * One error event from any endpoint: validate → filter → rate-limit →
 * process (enrich, parse stack, scrub, fingerprint, trim) → store with its alerts,
 * counted `accepted` once stored. Returns the event id, also for a filtered event (the SDK sees a 200).
 */
export async function ingestEvent(
  raw: unknown,
  ingest: IngestContext,
  { category = 'error', eventIdHint }: IngestEventOptions = {},
): Promise<string> {
  const event = normalizeEvent(raw, ingest.receivedAt, eventIdHint);
  if (!(await admitEvent(event, category, ingest))) return event.event_id;
  return storeAdmitted(category, ingest, async () => {
    const record = await processEvent(event, ingest);
    await storeEventWithAlerts(ingest.env, ingest.ctx, record);
    return record.eventId;
  });
}
