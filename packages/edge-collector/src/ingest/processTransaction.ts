import { enrichEvent } from '../enrich/enrichEvent';
import { ClientError } from '../http/ClientError';
import { serializeForStorage } from '../limits/trimEvent';
import { DEFAULT_PROJECT_SETTINGS } from '../projects/ProjectSettings';
import type { SentryEvent } from '../protocol/SentryEvent';
import { scrubEvent } from '../scrub/scrubEvent';
import { scrubOptionsFor } from '../scrub/scrubOptionsFor';
import type { TransactionRecord } from '../store/transactions';
import type { ProcessContext } from './processEvent';

/**
 * Seconds since the epoch from a number or an RFC 3339 string (naive times
 * are UTC). The fraction is read apart: `Date.parse` keeps only milliseconds
 * and Python SDKs send microseconds, which short spans need.
 */
function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const fraction = /^[^.]*T[^.]*(\.\d+)/.exec(value)?.[1] ?? '';
  const whole = fraction ? value.replace(fraction, '') : value;
  const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(whole) ? whole : `${whole}Z`);
  return Number.isNaN(parsed) ? undefined : parsed / 1000 + Number(fraction || 0);
}

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

/** Keeps measurements shaped `{name: {value: number, unit?: string}}`; drops the rest. */
function cleanMeasurements(value: unknown): Record<string, { value: number; unit?: string }> {
  const result: Record<string, { value: number; unit?: string }> = {};
  if (!value || typeof value !== 'object') return result;
  for (const [name, entry] of Object.entries(value)) {
    const measured = (entry as { value?: unknown } | null)?.value;
    if (typeof measured !== 'number' || !Number.isFinite(measured)) continue;
    const unit = (entry as { unit?: unknown }).unit;
    result[name] = typeof unit === 'string' ? { value: measured, unit } : { value: measured };
  }
  return result;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * A validated `transaction` item (see `normalizeEvent` and `transactionTimes`)
 * to a row: enrich → scrub → trim. Transactions carry request data too, so
 * they are scrubbed like events before the payload is stored.
 */
export function processTransaction(
  input: SentryEvent,
  { start, end }: { start: number; end: number },
  context: ProcessContext,
): TransactionRecord {
  const settings = context.settings ?? DEFAULT_PROJECT_SETTINGS;
  const event: SentryEvent = scrubEvent(
    enrichEvent(
      { ...input, type: 'transaction', start_timestamp: start, timestamp: end },
      { ...context, storeClientIp: settings.storeClientIp },
    ),
    scrubOptionsFor(settings, context.salt ?? ''),
  );
  const trace = (event.contexts as { trace?: Record<string, unknown> } | undefined)?.trace ?? {};
  return {
    projectId: context.projectId,
    eventId: event.event_id,
    name: text(event.transaction) || '<unlabeled transaction>',
    op: text(trace.op),
    status: text(trace.status),
    traceId: text(trace.trace_id),
    startTimestamp: Math.round(start * 1000),
    timestamp: Math.round(end * 1000),
    durationMs: (end - start) * 1000,
    release: typeof event.release === 'string' ? event.release : null,
    environment: typeof event.environment === 'string' ? event.environment : null,
    measurements: cleanMeasurements(event.measurements),
    receivedAt: context.receivedAt,
    payload: serializeForStorage({ ...event, received: context.receivedAt / 1000 }),
  };
}
