import { ClientError } from '../http/ClientError';
import { applyRateLimit } from '../ratelimit/applyRateLimit';
import { scrubOptionsFor } from '../scrub/scrubOptionsFor';
import { processSpanItem } from '../traces/processSpanItem';
import { storeStreamedSegments } from '../traces/storeStreamedSegments';
import type { IngestContext } from './IngestContext';

/** Counts an item's `quantity` spans under `outcome` when `error` is a client mistake. */
function countFailure(error: unknown, ingest: IngestContext, quantity: number): void {
  if (!(error instanceof ClientError)) return;
  if (error.status === 429) ingest.outcomes.add('rate_limited', 'span', '', quantity);
  else if (error.status < 500) {
    ingest.outcomes.add(
      'invalid',
      'span',
      error.status === 413 ? 'too_large' : 'malformed',
      quantity,
    );
  }
}

/**
 * One `span` item (@sentry/browser 11's span v2 stream): process (map → name
 * → scrub → fit, see `processSpanItem`), each new segment takes a slot of the
 * transactions' rate limit, then store, merging late web vitals into their
 * page load. Counted as `span` outcomes: the spans stored `accepted`, spans
 * without ids or times `invalid` (`malformed`).
 */
export async function ingestSpans(
  json: unknown,
  ingest: IngestContext,
  quantity: number,
): Promise<void> {
  const processed = processSpanItem(
    json,
    ingest.projectId,
    scrubOptionsFor(ingest.settings, ingest.salt),
  );
  try {
    for (const _segment of processed.segments) {
      await applyRateLimit(
        ingest.db,
        ingest.projectId,
        'transaction',
        ingest.settings.rateLimitPerMinute,
        ingest.receivedAt,
      );
    }
    await storeStreamedSegments(ingest.db, processed, ingest.receivedAt);
  } catch (error) {
    countFailure(error, ingest, quantity);
    throw error;
  }
  if (processed.accepted > 0) ingest.outcomes.add('accepted', 'span', '', processed.accepted);
  if (processed.invalid > 0) ingest.outcomes.add('invalid', 'span', 'malformed', processed.invalid);
}
