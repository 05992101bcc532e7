import type { SentryEvent } from '../protocol/SentryEvent';

/**
 * The event's log message for grouping: the template before formatting when
 * there is one (`payment failed for order %s`, as sentry-python's logging
 * sends it), else the formatted text.
 */
export function messageTemplate(event: SentryEvent): string | undefined {
  for (const source of [event.logentry, event.message]) {
    if (typeof source === 'string' && source) return source;
    if (source && typeof source === 'object') {
      const text = source.message || source.formatted;
      if (typeof text === 'string' && text) return text;
    }
  }
  return undefined;
}
