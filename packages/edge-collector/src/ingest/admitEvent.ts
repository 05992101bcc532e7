import { findInboundFilter } from '../filters/findInboundFilter';
import { ClientError } from '../http/ClientError';
import type { SentryEvent } from '../protocol/SentryEvent';
import { applyRateLimit } from '../ratelimit/applyRateLimit';
import type { IngestContext } from './IngestContext';

/**
 * The filter and rate-limit stages: false when an inbound filter drops the
 * event (answered 200 and counted, as Relay does), a 429 when the project's
 * minute is full, true to go on processing. Both outcomes are counted; an
 * admitted event is counted by `storeAdmitted` once its fate is known.
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
      ingest.db,
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

/**
 * Runs what follows admission (process, then store) and counts how it ended:
 * `accepted` only once stored; `invalid` when the item turns out malformed (a
 * 4xx, e.g. too large even after trimming). A storage failure is not counted:
 * the answer is a 503 and the SDK sends the item again.
 */
export async function storeAdmitted<T>(
  category: string,
  ingest: IngestContext,
  store: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await store();
  } catch (error) {
    if (error instanceof ClientError && error.status < 500) {
      ingest.outcomes.add('invalid', category, error.status === 413 ? 'too_large' : 'malformed');
    }
    throw error;
  }
  ingest.outcomes.add('accepted', category);
  return result;
}
