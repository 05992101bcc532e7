import { captureEvent } from './captureEvent';
import { guard } from './guard';
import type { Level } from './types';

/**
 * Reports a message, at level `info` unless told otherwise. Returns the event id.
 * @example captureMessage('Checkout took over 10 s', 'warning')
 */
export const captureMessage = guard((message: string, level: Level = 'info'): string =>
  captureEvent({ level, message }, message),
);
