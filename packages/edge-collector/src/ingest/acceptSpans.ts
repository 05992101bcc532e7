import { ClientError } from '../http/ClientError';
import { randomHex } from '../lib/randomHex';
import { applyRateLimit } from '../ratelimit/applyRateLimit';
import type { IngestContext } from './IngestContext';
import { packItem } from './packItem';

interface SpanItemShape {
  items?: { trace_id?: unknown; span_id?: unknown; is_segment?: unknown }[];
}

/** The item's key: its first span's trace and span id, so a resent item is stored once. */
function spanItemKey(payload: SpanItemShape): string {
  const first = Array.isArray(payload.items) ? payload.items[0] : undefined;
  const key = `${first?.trace_id ?? ''}${first?.span_id ?? ''}`;
  return /^[0-9a-f]{48}$/i.test(key) ? key.toLowerCase() : randomHex(24);
}

/**
 * The edge stages of one span v2 item (@sentry/browser 11's span stream): each
 * segment in it takes a slot of the transactions' rate limit, then the item is
 * queued. Mapping, scrubbing and storage (late web vitals merged into their page
 * load) happen in the consumer, which counts the spans.
 */
export async function acceptSpans(
  json: unknown,
  ingest: IngestContext,
  quantity: number,
): Promise<void> {
  const payload = (json ?? {}) as SpanItemShape;
  const segments = Array.isArray(payload.items)
    ? payload.items.filter((span) => span?.is_segment === true).length
    : 0;
  try {
    for (let index = 0; index < segments; index++) {
      await applyRateLimit(
        ingest.env,
        ingest.projectId,
        'transaction',
        ingest.settings.rateLimitPerMinute,
        ingest.receivedAt,
      );
    }
    ingest.queued.push(await packItem({ kind: 'spans', key: spanItemKey(payload), payload: json }));
  } catch (error) {
    if (error instanceof ClientError && error.status === 429) {
      ingest.outcomes.add('rate_limited', 'span', '', quantity);
    } else if (error instanceof ClientError && error.status === 413) {
      ingest.outcomes.add('invalid', 'span', 'too_large', quantity);
    }
    throw error;
  }
}
