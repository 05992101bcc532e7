import { options } from '../core/client.js';
import { debugLog } from '../core/debugLog.js';
import { guard } from '../core/guard.js';
import type { ResolvedOptions } from '../core/options.js';
import { now } from '../lib/now.js';
import { envelope } from './envelope.js';
import { rateLimitedUntil, updateRateLimit } from './rateLimit.js';
import { type QueuedEvent, readStored, updateStored } from './storage.js';

let inFlight = 0;

// The fetch found at load, before the breadcrumbs wrap it: the SDK's own
// requests must never become breadcrumbs. `fetch`, not `window.fetch`, so
// that importing the ESM build for server-side rendering does not throw.
const nativeFetch = fetch;

/**
 * Posts with `fetch` and reads the answer: any answer may carry a back-off;
 * a 5xx or no answer at all (offline, unreachable) keeps a new event in
 * storage, and a stored event (`stored` 1) leaves storage only once answered
 * otherwise, so one posted as the page goes away is not lost if that post
 * fails (the collector ignores an event id it already has).
 * `keepalive` lets the request outlive the page, but Chrome refuses it once
 * the bodies in flight pass 64 KiB, so past that a plain fetch goes.
 */
const post = (o: ResolvedOptions, event: QueuedEvent, stored?: 1) => {
  const body = envelope(event, o);
  // UTF-16 length: equal to the bytes for ASCII; if non-ASCII text makes the
  // body bigger than counted and Chrome refuses it, the event is stored.
  const size = body.length;
  inFlight += size;
  // Given the Response, or fetch's TypeError when there was no answer.
  const done = guard((answer: Response | Error) => {
    inFlight -= size;
    if (__DEBUG__) debugAnswer(event[0], answer);
    updateRateLimit(answer);
    const failed = !((answer as Response).status < 500);
    if (failed ? !stored : stored) updateStored(o._url, event[0], failed && event);
  });
  nativeFetch(o._url, { method: 'POST', body, keepalive: inFlight <= 65536 }).then(done, done);
};

/**
 * Sends one event now, so nothing waits in memory when the page goes away.
 * While the page is hidden (it may be leaving: `visibilitychange` is the
 * last event a page can count on) `sendBeacon` goes first, since it outlives
 * the page; its answer cannot be read, so not when offline. Otherwise fetch,
 * which stores the event if it fails. Rate-limited, the event is dropped, as
 * Sentry does.
 */
export const send = (o: ResolvedOptions, event: QueuedEvent) => {
  if (
    (now() >= rateLimitedUntil ||
      (__DEBUG__ &&
        debugLog(
          'log',
          `event ${event[0]} dropped by the collector's back-off, until ${new Date(rateLimitedUntil).toISOString()}`,
        ))) &&
    (!(navigator.onLine && document.hidden && navigator.sendBeacon(o._url, envelope(event, o))) ||
      (__DEBUG__ && debugLog('log', `event ${event[0]} sent with sendBeacon (no answer to read)`)))
  ) {
    post(o, event);
  }
};

/**
 * The collector's answer to an event, in the debug log: accepted, refused
 * with its reason (`X-Sentry-Error`, which it sets on every 4xx), or kept
 * for later (5xx, no answer).
 */
const debugAnswer = (id: string, answer: Response | Error) => {
  const status = (answer as Response).status;
  if (status < 300) debugLog('log', `event ${id} accepted by the collector (${status})`);
  else if (status < 500)
    debugLog(
      'warn',
      `event ${id} refused by the collector: ${status} ${(answer as Response).headers.get('X-Sentry-Error') || ''}`,
    );
  else debugLog('warn', `event ${id} not delivered (${status || answer}), kept to send later`);
};

/**
 * Sends the events stored by this or an earlier page, unless backed off.
 * They stay stored until the collector answers, so two calls in a row post
 * them twice; the collector keeps one of each event id.
 */
export const sendStored = () => {
  if (options && now() >= rateLimitedUntil) {
    for (const event of readStored(options._url)) post(options, event, 1);
  }
};
