import type { OutcomeTally } from './OutcomeTally';

/** Relay's limit for a client report; larger ones are not reports an SDK writes. */
const MAX_CLIENT_REPORT_BYTES = 4096;
const decoder = new TextDecoder();

/**
 * Counts what an SDK reports it discarded (sample rate, its own rate limit
 * back-off, `beforeSend`, a full queue…) as `client_discarded` outcomes. A
 * malformed report is counted as invalid and otherwise ignored: it never
 * fails the envelope it came in.
 */
export function countClientReport(payload: Uint8Array, outcomes: OutcomeTally): void {
  let report: unknown;
  try {
    if (payload.length > MAX_CLIENT_REPORT_BYTES) throw new Error('too large');
    report = JSON.parse(decoder.decode(payload));
  } catch {
    outcomes.add('invalid', 'client_report');
    return;
  }
  const discarded = (report as { discarded_events?: unknown } | null)?.discarded_events;
  if (!Array.isArray(discarded)) return;
  for (const entry of discarded) {
    const { reason, category, quantity } = (entry ?? {}) as Record<string, unknown>;
    if (typeof category !== 'string' || typeof quantity !== 'number') continue;
    if (!Number.isInteger(quantity) || quantity <= 0) continue;
    outcomes.add('client_discarded', category, typeof reason === 'string' ? reason : '', quantity);
  }
}
