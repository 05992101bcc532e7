import type { SentryEvent } from './SentryEvent';

/** The event's log message: `logentry`/`message`, formatted text first. */
export function eventMessage(event: SentryEvent): string | undefined {
  for (const source of [event.logentry, event.message]) {
    if (typeof source === 'string' && source) return source;
    if (source && typeof source === 'object') {
      const text = source.formatted || source.message;
      if (typeof text === 'string' && text) return text;
    }
  }
  return undefined;
}
