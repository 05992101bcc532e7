import { enrichEvent } from '../enrich/enrichEvent';
import { serializeForStorage } from '../limits/trimEvent';
import { DEFAULT_PROJECT_SETTINGS } from '../projects/ProjectSettings';
import type { SentryEvent } from '../protocol/SentryEvent';
import { scrubEvent } from '../scrub/scrubEvent';
import { scrubOptionsFor } from '../scrub/scrubOptionsFor';
import { prepareSegment } from '../traces/prepareSegment';
import { transactionToSegment } from '../traces/transactionToSegment';
import type { TransactionRecord } from '../types/TransactionRecord';
import type { ProcessContext } from './processEvent';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The payload beside the segment in a row: with the segment's own limit
 * (`MAX_SEGMENT_BYTES`) the D1 row stays under 1,000,000 bytes.
 */
const MAX_TRANSACTION_PAYLOAD_BYTES = 500_000;

/**
 * A validated `transaction` item (see `normalizeEvent` and `transactionTimes`)
 * to a row: enrich → scrub → trim, and the trace model's segment (mapped from
 * the enriched event, then parameterized, scrubbed and fitted by
 * `prepareSegment`). Transactions carry request data too, so they are
 * scrubbed like events before the payload is stored; the spans are kept in
 * the segment only.
 */
export function processTransaction(
  input: SentryEvent,
  { start, end }: { start: number; end: number },
  context: ProcessContext,
): TransactionRecord {
  const settings = context.settings ?? DEFAULT_PROJECT_SETTINGS;
  const scrubOptions = scrubOptionsFor(settings, context.salt ?? '');
  const enriched = enrichEvent(
    { ...input, type: 'transaction', start_timestamp: start, timestamp: end },
    { ...context, storeClientIp: settings.storeClientIp },
  );
  const segment = prepareSegment(
    transactionToSegment(enriched, { start, end }, context.projectId),
    scrubOptions,
  );
  const { spans: _spans, ...event }: SentryEvent = scrubEvent(enriched, scrubOptions);
  const trace = (event.contexts as { trace?: Record<string, unknown> } | undefined)?.trace ?? {};
  return {
    projectId: context.projectId,
    eventId: event.event_id,
    name: segment.name,
    op: text(trace.op),
    status: text(trace.status),
    traceId: segment.traceId,
    startTimestamp: Math.round(start * 1000),
    timestamp: Math.round(end * 1000),
    durationMs: (end - start) * 1000,
    release: typeof event.release === 'string' ? event.release : null,
    environment: typeof event.environment === 'string' ? event.environment : null,
    measurements: segment.measurements,
    receivedAt: context.receivedAt,
    payload: serializeForStorage(
      { ...event, received: context.receivedAt / 1000 },
      MAX_TRANSACTION_PAYLOAD_BYTES,
    ),
    segment,
  };
}
