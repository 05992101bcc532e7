import type { SentryEvent } from './SentryEvent';

/** A header's value from Sentry's `request.headers`, an object or a list of pairs. */
export function requestHeader(event: SentryEvent, name: string): string | undefined {
  const headers: unknown = event.request?.headers;
  const wanted = name.toLowerCase();
  const entries = Array.isArray(headers)
    ? headers
    : headers && typeof headers === 'object'
      ? Object.entries(headers)
      : [];
  for (const entry of entries) {
    if (!Array.isArray(entry)) continue;
    const [key, value] = entry as unknown[];
    if (typeof key === 'string' && key.toLowerCase() === wanted && typeof value === 'string') {
      return value;
    }
  }
  return undefined;
}

/**
 * The user agent of the person who hit the error: the event's own
 * `request.headers`, else, for browser events only, the UA of the request
 * that delivered it (a browser SDK sends from the user's browser; a server
 * SDK's UA is the SDK's, not the user's).
 */
export function eventUserAgent(event: SentryEvent, deliveryUserAgent?: string): string | undefined {
  const own = requestHeader(event, 'user-agent');
  if (own) return own;
  return event.platform === 'javascript' ? deliveryUserAgent : undefined;
}
