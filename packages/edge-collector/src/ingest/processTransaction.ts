import { enrichEvent } from '../enrich/enrichEvent';
import { ClientError } from '../http/ClientError';
import { serializeForStorage } from '../limits/trimEvent';
import { DEFAULT_PROJECT_SETTINGS } from '../projects/ProjectSettings';
import { parseTimestamp } from '../protocol/parseTimestamp';
import type { SentryEvent } from '../protocol/SentryEvent';
import { scrubEvent } from '../scrub/scrubEvent';
import { scrubOptionsFor } from '../scrub/scrubOptionsFor';
import type { TransactionRecord } from '../store/transactions';
import { prepareSegment } from '../traces/prepareSegment';
import { transactionToSegment } from '../traces/transactionToSegment';
import type { ProcessContext } from './processEvent';

/**
 * A transaction's start and end in seconds, or a 400 when either is missing
 * or it ends before it starts. Checked before anything of an envelope is
 * stored, so a bad transaction does not leave half an envelope written.
 */
export function transactionTimes(raw: unknown): { start: number; end: number } {
  const input = (raw ?? {}) as Record<string, unknown>;
  const start = parseTimestamp(input.start_timestamp);
  const end = parseTimestamp(input.timestamp);
  if (start === undefined || end === undefined) {
    throw new ClientError(400, 'transaction needs start_timestamp and timestamp');
  }
  if (end < start) throw new ClientError(400, 'transaction ends before it starts');
  return { start, end };
}

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
