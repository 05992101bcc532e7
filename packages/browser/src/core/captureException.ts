import { captureEvent } from './captureEvent';
import { exceptionValues } from './exceptionValues';
import { guard } from './guard';
import type { CaptureContext } from './types';

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
