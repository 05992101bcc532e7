import { captureEvent } from '../core/captureEvent.js';
import { exceptionValues } from '../core/exceptionValues.js';
import { guard } from '../core/guard.js';
import type { ExceptionValue } from '../core/types.js';
import { on } from '../lib/on.js';

/**
 * Captures an uncaught error (`error` on window) or an unhandled rejection;
 * also fed the events the loader snippet queued before the bundle arrived.
 * Mechanism `onerror` / `onunhandledrejection`, handled: false.
 */
export const captureGlobalEvent = guard((event: ErrorEvent | PromiseRejectionEvent) => {
  const { type, reason, error, message, filename, lineno, colno } = event as ErrorEvent &
    PromiseRejectionEvent;
  const rejection = type === 'unhandledrejection';
  // A rejection's reason may be undefined and is still what to describe. An
  // error event without an Error object (cross-origin "Script error.",
  // ResizeObserver notices, `throw undefined`) has only its message.
  const thrown = rejection ? reason : (error ?? message);
  const values = exceptionValues(thrown, { type: `on${type}`, handled: false }, rejection);
  const main = values.slice(-1)[0] as ExceptionValue;
  // Without a stack, the event's own position is the one frame there is.
  if (!main.raw_stack && filename) {
    main.stacktrace = { frames: [{ filename, lineno, colno, function: '?' }] };
  }
  captureEvent({ exception: { values } }, thrown);
});

/** Listens for uncaught errors and unhandled promise rejections. */
export const globalHandlers = () => {
  on(window, 'error', captureGlobalEvent);
  on(window, 'unhandledrejection', captureGlobalEvent);
};
