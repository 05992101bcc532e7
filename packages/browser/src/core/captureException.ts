import { captureEvent } from './captureEvent.js';
import { exceptionValues } from './exceptionValues.js';
import { guard } from './guard.js';
import type { CaptureContext } from './types.js';

/**
 * Reports an error you caught (any thrown value works), with its `cause`
 * chain. Returns the event id.
 * @example
 * try { pay(cart) } catch (error) {
 *   captureException(error, { tags: { step: 'pay' }, extra: { cart } });
 * }
 */
export const captureException = guard((error: unknown, context?: CaptureContext): string =>
  captureEvent(
    { exception: { values: exceptionValues(error, { type: 'generic', handled: true }) } },
    error,
    context,
  ),
);
