import { enrichEvent } from '../enrich/enrichEvent';
import { serializeForStorage } from '../limits/trimEvent';
import { DEFAULT_PROJECT_SETTINGS } from '../projects/ProjectSettings';
import type { SentryEvent } from '../protocol/SentryEvent';
import { scrubEvent } from '../scrub/scrubEvent';
import { scrubOptionsFor } from '../scrub/scrubOptionsFor';
import type { TransactionRecord } from '../types/TransactionRecord';
import type { ProcessContext } from './processEvent';

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
