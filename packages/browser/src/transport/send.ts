import { guard } from '../core/guard';
import { now } from '../lib/now';
import { envelope } from './envelope';
import { rateLimitedUntil, updateRateLimit } from './rateLimit';
import { type QueuedEvent, readStored, storeEvent } from './storage';

// The endpoint also names the storage slot, so each DSN replays its own events.
let url = '';
let dsn: string | undefined;
let inFlight = 0;

// The fetch found at load, before the breadcrumbs wrap it: the SDK's own
// requests must never become breadcrumbs.
const nativeFetch = window.fetch;

/** Where envelopes go; `tunnelDsn` is set when posting through a tunnel. */
export const configureTransport = (endpoint: string, tunnelDsn?: string) => {
  url = endpoint;
  dsn = tunnelDsn;
};

/**
 * Posts with `fetch` and reads the answer: a 429 backs off; a 5xx or no
 * answer at all (offline, unreachable) keeps the event for later.
 * `keepalive` lets the request outlive the page, but Chrome refuses it once
 * the bodies in flight pass 64 KiB, so past that a plain fetch goes.
 */
const post = (event: QueuedEvent) => {
  const body = envelope(event, dsn);
  // UTF-16 length: equal to the bytes for ASCII; if non-ASCII text makes the
  // body bigger than counted and Chrome refuses it, the event is stored.
  const size = body.length;
  inFlight += size;
  const keepalive = inFlight <= 65536;
  const done = guard((response?: Response) => {
    inFlight -= size;
    updateRateLimit(response);
    if (!((response?.status as number) < 500)) storeEvent(url, event);
  });
  nativeFetch(url, { method: 'POST', body, keepalive }).then(done, done);
};

/**
 * Sends one event now, so nothing waits in memory when the page goes away.
 * While the page is hidden (it may be leaving: `visibilitychange` is the
 * last event a page can count on) `sendBeacon` goes first, since it outlives
 * the page; its answer cannot be read, so not when offline. Otherwise fetch,
 * which stores the event if it fails. Rate-limited, the event is dropped, as
 * Sentry does.
 */
export const send = (event: QueuedEvent) => {
  if (
    now() >= rateLimitedUntil &&
    !(navigator.onLine && document.hidden && navigator.sendBeacon(url, envelope(event, dsn)))
  ) {
    post(event);
  }
};

/** Sends the events stored by this or an earlier page, unless backed off. */
export const sendStored = () => {
  if (now() >= rateLimitedUntil) {
    const stored = readStored(url);
    localStorage.removeItem(url);
    stored.map(post);
  }
};
