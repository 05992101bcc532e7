import type { ExceptionValue, SentryEvent } from '../protocol/SentryEvent';

/** The exception the event is about: Sentry lists causes first, so the last value. */
export function mainException(event: SentryEvent): ExceptionValue | undefined {
  const values = event.exception?.values;
  return values && values.length > 0 ? values[values.length - 1] : undefined;
}
