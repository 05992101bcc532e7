import { captureEvent } from './captureEvent.js';
import { guard } from './guard.js';
import type { Level } from './types.js';

/**
 * Reports a message, at level `info` unless told otherwise. Returns the event id.
 * @example captureMessage('Checkout took over 10 s', 'warning')
 */
export const captureMessage = guard((message: string, level: Level = 'info'): string =>
  captureEvent({ level, message }, message),
);
