import { sha256Hex } from '../lib/sha256Hex';
import type { SentryEvent } from '../protocol/SentryEvent';
import { eventMessage } from './eventMessage';
import { mainException } from './mainException';

/** Numbers and hex ids vary between occurrences of one bug, so they do not split issues. */
function parameterize(text: string): string {
  return text.replace(/\b0x[0-9a-f]+\b|\b[0-9a-f]{8,}\b|\d+/gi, '<n>');
}

/**
 * A first, simple grouping: the exception type plus the files and functions
 * of its frames (never lines or columns), else the type and parameterized
 * message. An SDK-given `fingerprint` wins.
 */
export async function fingerprintEvent(event: SentryEvent): Promise<string> {
  if (Array.isArray(event.fingerprint) && event.fingerprint.length > 0) {
    return sha256Hex(`custom\n${event.fingerprint.join('\n')}`);
  }
  const exception = mainException(event);
  const parts: string[] = [];
  if (exception) {
    parts.push(`type:${exception.type ?? 'Error'}`);
    const frames = exception.stacktrace?.frames ?? [];
    for (const frame of frames) {
      const file = (frame.module || frame.filename || '').split(/[?#]/)[0]?.split('/').pop();
      parts.push(`frame:${file ?? ''}:${frame.function ?? '?'}`);
    }
    if (frames.length === 0) parts.push(`value:${parameterize(exception.value ?? '')}`);
  } else {
    parts.push(`message:${parameterize(eventMessage(event) ?? '')}`);
  }
  return sha256Hex(parts.join('\n'));
}
