import { options } from './client.js';

/**
 * Logs what the SDK does and why, with `debug: true` in a debug build
 * (faultline.debug.min.js, faultline.debug.mjs). Every call site reads
 * `__DEBUG__ && debugLog(…)`, so production builds, where `__DEBUG__` is
 * `false`, carry neither the calls nor their text. `on` is the option as
 * `init` resolved it, or as given when `init` turned the SDK off. Returns
 * `false`, to end a `check || (__DEBUG__ && debugLog(…))` that drops an event.
 */
export const debugLog = (
  level: 'log' | 'warn',
  message: string,
  on: unknown = options?.debug,
): false => {
  if (on) console[level](`[Faultline] ${message}`);
  return false;
};

/** Logs that an event is not sent, and what dropped it. */
export const debugDropped = (id: string, text: string | undefined, by: string): false =>
  debugLog('log', `event ${id} (${text}) dropped by ${by}`);
