import type { Options } from '../core/options.js';
import { matches } from '../lib/matches.js';

/**
 * Whether a request to `url` carries the trace headers: a URL matching
 * `tracePropagationTargets` (the full URL), by default one of the page's own
 * origin only, so no other origin sees a new header (nor needs a CORS preflight).
 */
export const propagatesTo = (url: string, targets?: (string | RegExp)[]): boolean => {
  const full = new URL(url, location.href);
  return targets ? matches(full.href, targets) : full.origin === location.origin;
};

/**
 * `sentry-trace` (`<trace_id>-<span_id>-1`: sampled) and the dynamic sampling
 * context in `baggage`, as Sentry's SDKs send them, so a backend's
 * sentry-sdk continues the browser's trace under the request's span.
 */
export const traceHeaders = (options: Options, traceId: string, spanId: string) => ({
  'sentry-trace': `${traceId}-${spanId}-1`,
  baggage: Object.entries({
    trace_id: traceId,
    public_key: /\/\/(\w+)/.exec(options.dsn)?.[1],
    sample_rate: options.tracesSampleRate,
    sampled: true,
    release: options.release,
    environment: options.environment,
  })
    .filter((entry) => entry[1] != null)
    .map(([key, value]) => `sentry-${key}=${encodeURIComponent(value as string)}`)
    .join(),
});
