import { debugLog } from './debugLog.js';

/**
 * Non-zero while the SDK runs its own code, so that whatever it triggers
 * (its own fetch, a `console.error` in `beforeSend`) is neither recorded nor
 * captured: the SDK never reports itself and never recurses.
 */
export let busy = 0;

/**
 * Wraps every way into the SDK (public functions, listeners, callbacks) so it
 * never throws into the host page and never re-enters itself.
 */
export const guard =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  (...args: A): R | undefined => {
    if (busy) return;
    try {
      busy = 1;
      return fn(...args);
    } catch {
      // An SDK failure must cost the page nothing; the event is lost. (No
      // error binding: it would cost production bytes, unused there.)
      if (__DEBUG__)
        debugLog('warn', 'an SDK call failed (did beforeSend throw?); its event is lost');
    } finally {
      busy = 0;
    }
  };
