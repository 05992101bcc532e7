import { eventMessage } from '../protocol/eventMessage';
import type { SentryEvent } from '../protocol/SentryEvent';
import { matchesAnyGlob } from './glob';

/** What an error says: `Type: value` and the value alone, plus any log message. */
export function eventTexts(event: SentryEvent): string[] {
  const texts: string[] = [];
  for (const exception of event.exception?.values ?? []) {
    const value = exception.value ?? '';
    texts.push(exception.type ? `${exception.type}: ${value}` : value, value);
  }
  const message = eventMessage(event);
  if (message) texts.push(message);
  return texts.filter(Boolean);
}

/** Browsers hide cross-origin errors behind `Script error.` with no stack: nothing to act on. */
export function isScriptError(event: SentryEvent): boolean {
  return eventTexts(event).some((text) => /^(Error: )?Script error\.?$/i.test(text.trim()));
}

/** Chrome and Firefox report ResizeObserver notification overflows as errors; they are benign. */
export function isResizeObserverLoop(event: SentryEvent): boolean {
  return eventTexts(event).some((text) =>
    /ResizeObserver loop (limit exceeded|completed with undelivered notifications)/i.test(text),
  );
}

export function matchesIgnoredMessage(event: SentryEvent, globs: string[]): boolean {
  if (globs.length === 0) return false;
  return eventTexts(event).some((text) => matchesAnyGlob(text, globs));
}
