import { ClientError } from '../http/ClientError';
import { randomHex } from '../lib/randomHex';
import { formatLogEntry } from '../protocol/formatLogEntry';
import type { SentryEvent } from '../protocol/SentryEvent';
import { normalizeStacks } from './normalizeStacks';

const LEVELS = new Set(['fatal', 'error', 'warning', 'info', 'debug']);

function normalizeEventId(value: unknown): string {
  if (value === undefined || value === null) return randomHex(16);
  const id = typeof value === 'string' ? value.replaceAll('-', '').toLowerCase() : '';
  if (!/^[0-9a-f]{32}$/.test(id)) throw new ClientError(400, 'event_id must be 32 hex characters');
  return id;
}

/** Seconds since the epoch from a number or an RFC 3339 string; the receive time otherwise. */
function normalizeTimestamp(value: unknown, receivedAt: number): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value === 'string') {
    const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
    if (!Number.isNaN(parsed)) return parsed / 1000;
  }
  return receivedAt / 1000;
}

function normalizeLevel(value: unknown): string {
  if (typeof value !== 'string') return 'error';
  const level = value.toLowerCase() === 'warn' ? 'warning' : value.toLowerCase();
  return LEVELS.has(level) ? level : 'error';
}

/**
 * Checks the shape of an incoming event and fills what the rest of the
 * pipeline relies on: a 32-hex `event_id`, a timestamp in seconds, a known
 * level, a platform, exceptions, threads and frames that are objects, and a
 * log message formatted from its template and params.
 */
export function normalizeEvent(
  raw: unknown,
  receivedAt: number,
  eventIdHint?: unknown,
): SentryEvent {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ClientError(400, 'event must be a JSON object');
  }
  const input = raw as Record<string, unknown>;
  return formatLogEntry({
    ...normalizeStacks(input),
    event_id: normalizeEventId(input.event_id ?? eventIdHint),
    timestamp: normalizeTimestamp(input.timestamp, receivedAt),
    level: normalizeLevel(input.level),
    platform: typeof input.platform === 'string' && input.platform ? input.platform : 'other',
  });
}
