/**
 * Seconds since the epoch from a number or an RFC 3339 string (naive times
 * are UTC). The fraction is read apart: `Date.parse` keeps only milliseconds
 * and Python SDKs send microseconds, which short spans need.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const fraction = /^[^.]*T[^.]*(\.\d+)/.exec(value)?.[1] ?? '';
  const whole = fraction ? value.replace(fraction, '') : value;
  const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(whole) ? whole : `${whole}Z`);
  return Number.isNaN(parsed) ? undefined : parsed / 1000 + Number(fraction || 0);
}
