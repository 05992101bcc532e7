import { findInboundFilter } from '../filters/findInboundFilter';
import { ClientError } from '../http/ClientError';
import type { SentryEvent } from '../protocol/SentryEvent';
import { applyRateLimit } from '../ratelimit/applyRateLimit';
import type { IngestContext } from './IngestContext';

/**
 * The filter and rate-limit stages: false when an inbound filter drops the
 * event (answered 200 and counted, as Relay does), a 429 when the project's
 * minute is full, true to go on. Both outcomes are counted; an admitted event
 * is counted `accepted` by the consumer once stored.
 */
export async function admitEvent(
  event: SentryEvent,
  category: string,
  ingest: IngestContext,
): Promise<boolean> {
  const filter = findInboundFilter(event, ingest.settings.filters, ingest.userAgent);
  if (filter) {
    ingest.outcomes.add('filtered', category, filter);
    return false;
  }
  try {
    await applyRateLimit(
      ingest.env,
      ingest.projectId,
      category,
      ingest.settings.rateLimitPerMinute,
      ingest.receivedAt,
    );
  } catch (error) {
    if (error instanceof ClientError && error.status === 429) {
      ingest.outcomes.add('rate_limited', category);
    }
    throw error;
  }
  return true;
}
