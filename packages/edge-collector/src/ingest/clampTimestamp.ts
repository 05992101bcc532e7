import type { SentryEvent } from '../protocol/SentryEvent';

/** Relay's defaults: `max_secs_in_future` (a minute of clock skew) and `max_secs_in_past`. */
export const MAX_SECONDS_IN_FUTURE = 60;
export const MAX_SECONDS_IN_PAST = 30 * 24 * 60 * 60;

/**
 * An event timestamp more than a minute ahead of the receive time or more than 30
 * days behind it is replaced by the receive time, as Relay's `normalize_timestamps`
 * does, and the original is kept in `errors` as a `future_timestamp` or
 * `past_timestamp` entry, so graphs and retention never see a time that cannot be.
 */
export function clampTimestamp(event: SentryEvent, receivedAt: number): SentryEvent {
  const received = receivedAt / 1000;
  const type =
    event.timestamp > received + MAX_SECONDS_IN_FUTURE
      ? 'future_timestamp'
      : event.timestamp < received - MAX_SECONDS_IN_PAST
        ? 'past_timestamp'
        : undefined;
  if (!type) return event;
  const errors = Array.isArray(event.errors) ? event.errors : [];
  return {
    ...event,
    timestamp: received,
    errors: [...errors, { type, name: 'timestamp', value: event.timestamp }],
  };
}
