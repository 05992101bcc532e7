import { matches } from '../lib/matches.js';
import { perfOptions } from './transactions.js';

/**
 * Whether a request to `url` (absolute, so with a path) carries the trace headers: a URL
 * matching `tracePropagationTargets`, by default one of the page's own
 * origin only, so no other origin sees a new header (nor needs a CORS preflight).
 */
export const propagatesTo = (url: string): boolean => {
  const targets = perfOptions.tracePropagationTargets;
  return targets ? matches(url, targets) : url.startsWith(`${location.origin}/`);
};

/**
 * `sentry-trace` (`<trace_id>-<span_id>-1`: sampled) and the dynamic sampling
 * context in `baggage`, as Sentry's SDKs send them, so a backend's
 * sentry-sdk continues the browser's trace under the request's span.
 */
export const traceHeaders = (traceId: string, spanId: string) => {
  const { dsn, tracesSampleRate, release, environment } = perfOptions;
  return {
    'sentry-trace': `${traceId}-${spanId}-1`,
    baggage: Object.entries({
      trace_id: traceId,
      public_key: /\/\/(\w+)/.exec(dsn)?.[1],
      sample_rate: tracesSampleRate,
      sampled: true,
      release,
      environment,
    })
      .filter((entry) => entry[1] != null)
      .map(([key, value]) => `sentry-${key}=${encodeURIComponent(value as string)}`)
      .join(),
  };
};
