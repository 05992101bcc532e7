import { vi } from 'vitest';
import type { Event } from '../src/core/types';

export const DSN = 'https://abc123@errors.example.com/42';
export const ENDPOINT =
  'https://errors.example.com/api/42/envelope/?sentry_key=abc123&sentry_version=7';

export interface Envelope {
  header: { event_id: string; dsn?: string };
  item: { type: string };
  event: Event;
}

export const parseEnvelope = (body: string): Envelope => {
  const [header, item, event] = body.split('\n') as [string, string, string];
  return { header: JSON.parse(header), item: JSON.parse(item), event: JSON.parse(event) };
};

type Answer = { status: number; headers?: Record<string, string> } | 'network error';

/**
 * A fresh copy of the SDK (module state reset) loaded over a fake `fetch`
 * that records each request and answers with `answer` (200 by default).
 */
export async function loadSdk(answer: () => Answer = () => ({ status: 200 })) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetchMock = vi.fn((url: string, init: RequestInit = {}) => {
    requests.push({ url, init });
    const reply = answer();
    if (reply === 'network error') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(
      new Response('{}', { status: reply.status, headers: reply.headers ?? {} }),
    );
  });
  window.fetch = fetchMock as unknown as typeof fetch;
  trackListeners();
  vi.resetModules();
  const sdk = await import('../src/index');
  return {
    sdk,
    fetchMock,
    requests,
    /** Events posted so far, parsed (the page's own requests left out). */
    events: () =>
      requests
        .filter((request) => String(request.init?.body).startsWith('{"event_id"'))
        .map((request) => parseEnvelope(request.init.body as string).event),
  };
}

/** Lets pending promise callbacks (fetch answers) run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

// Everything the SDK wraps, put back after each test so wrappers do not stack.
const originals = {
  fetch: window.fetch,
  open: XMLHttpRequest.prototype.open,
  pushState: history.pushState,
  replaceState: history.replaceState,
  log: console.log,
  info: console.info,
  warn: console.warn,
  error: console.error,
};

// Listeners an earlier copy of the SDK added would still answer events (and
// post through that copy's fetch): remember them all so they can be removed.
const added: [EventTarget, string, EventListenerOrEventListenerObject, unknown][] = [];
let tracking = false;
const trackListeners = () => {
  if (tracking) return;
  tracking = true;
  for (const target of [window, document] as EventTarget[]) {
    const addEventListener = target.addEventListener;
    target.addEventListener = function (this: EventTarget, type, listener, options) {
      added.push([target, type, listener as never, options]);
      return addEventListener.call(this, type, listener, options);
    };
  }
};

export const restoreGlobals = () => {
  for (const [target, type, listener, options] of added.splice(0)) {
    target.removeEventListener(type, listener, options as boolean);
  }
  window.fetch = originals.fetch;
  XMLHttpRequest.prototype.open = originals.open;
  history.pushState = originals.pushState;
  history.replaceState = originals.replaceState;
  console.log = originals.log;
  console.info = originals.info;
  console.warn = originals.warn;
  console.error = originals.error;
  localStorage.clear();
};

/** An `error` event as the browser dispatches it for an uncaught error. */
export const uncaught = (error: unknown, init: ErrorEventInit = {}) =>
  new ErrorEvent('error', { error, message: String(error), ...init });

/** An `unhandledrejection` event (happy-dom has no PromiseRejectionEvent). */
export const rejection = (reason: unknown) =>
  Object.assign(new Event('unhandledrejection'), { reason }) as PromiseRejectionEvent;
