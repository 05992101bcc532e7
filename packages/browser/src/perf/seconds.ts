/**
 * Epoch seconds, as Sentry's timestamps are, of a `performance` time (ms
 * since navigation start); now when not given. `timeOrigin` is navigation start.
 */
export const seconds = (ms = performance.now()): number => (performance.timeOrigin + ms) / 1e3;
