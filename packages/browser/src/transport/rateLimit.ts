import { now } from '../lib/now';

/** Epoch ms until which the collector asked for no more events. */
export let rateLimitedUntil = 0;

/**
 * Backs off after a 429, for as long as the collector says: the first limit
 * of `X-Sentry-Rate-Limits: <seconds>:<categories>:…` (a 429 answers this
 * very event, so its limit covers events), else `Retry-After` in seconds,
 * else 60 s, as Sentry's SDKs default.
 */
export const updateRateLimit = (response?: Response) => {
  if (response?.status === 429) {
    const headers = response.headers;
    rateLimitedUntil =
      now() +
      1e3 *
        (parseFloat(
          (headers.get('X-Sentry-Rate-Limits') || headers.get('Retry-After')) as string,
        ) || 60);
  }
};
