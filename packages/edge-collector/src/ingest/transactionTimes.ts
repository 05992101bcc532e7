import { ClientError } from '../http/ClientError';

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
