import { debugLog } from '../core/debugLog.js';
import { now } from '../lib/now.js';

/** Epoch ms until which the collector asked for no more events. */
export let rateLimitedUntil = 0;

/**
 * Reads the collector's back-off from any answer, as Sentry's SDKs do
 * (https://develop.sentry.dev/sdk/expected-features/rate-limiting/): each
 * comma-separated `X-Sentry-Rate-Limits` entry `seconds:categories:…` that
 * covers events (no categories, meaning all, or `error` among the
 * `;`-separated ones: an event item counts as `error`, a message too) backs
 * off for its seconds; if several do, the last one wins. Limits on other
 * categories (`transaction`) do not stop events. Without that header, a
 * 429 backs off for `Retry-After` seconds (read as the entry `seconds:`,
 * all categories). A missing or unreadable number means 60 s. Given fetch's
 * error instead of a response (no answer at all), nothing changes.
 */
export const updateRateLimit = (answer: Response | Error) => {
  // No headers when fetch failed without an answer.
  const get = (name: string) => (answer as Response).headers?.get(name);
  // Not a 429 and no header: `false`, which has no ':' and so stops nothing.
  const limits = `${get('X-Sentry-Rate-Limits') || ((answer as Response).status === 429 && `${get('Retry-After')}:`)}`;
  for (const limit of limits.split(',')) {
    if (/^[^:]*:((\w*;)*error(;\w*)*)?(:|$)/.test(limit)) {
      // parseFloat skips the leading space and stops at the first ':'.
      rateLimitedUntil = now() + 1e3 * (parseFloat(limit) || 60);
      if (__DEBUG__) debugLog('warn', `backing off as asked (${limit}): no events until then`);
    }
  }
};
