import type { SentryEvent } from '../protocol/SentryEvent';
import { parseRawStack } from './parseRawStack';

/**
 * Turns the Faultline SDK's `raw_stack` extension into `stacktrace.frames` on
 * each exception. Frames an SDK already sent are kept; the raw string is
 * dropped once parsed so it is not stored twice, and kept when unparseable.
 */
export function parseEventStacks(event: SentryEvent): SentryEvent {
  for (const exception of event.exception?.values ?? []) {
    const raw = exception.raw_stack;
    if (typeof raw !== 'string') continue;
    if (!exception.stacktrace?.frames?.length) {
      const frames = parseRawStack(raw);
      if (frames.length === 0) continue; // keep the raw text: it is all there is
      exception.stacktrace = { ...exception.stacktrace, frames };
    }
    delete exception.raw_stack;
  }
  return event;
}
