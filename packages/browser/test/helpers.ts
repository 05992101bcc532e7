import { vi } from 'vitest';
import type { Event } from '../src/core/types';

export const DSN = 'https://abc123@errors.example.com/42';
export const ENDPOINT =
  'https://errors.example.com/api/42/envelope/?sentry_key=abc123&sentry_version=7&sentry_client=faultline.browser%2F0.1.0';

export interface Envelope {
  header: {
    event_id: string;
    sent_at: string;
    sdk: { name: string; version: string };
    dsn?: string;
  };
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
  const fetchMock = vi.fn((url: string, init: RequestInit) => {
    requests.push({ url, init });
    const reply = answer();
    if (reply === 'network error') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(
      new Response('{}', { status: reply.status, headers: reply.headers ?? {} }),
    );
  });
  window.fetch = fetchMock as unknown as typeof fetch;
  vi.resetModules();
  const sdk = await import('../src/index');
  return {
    sdk,
    fetchMock,
    requests,
    /** Events posted so far, parsed. */
    events: () => requests.map((request) => parseEnvelope(request.init.body as string).event),
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

export const restoreGlobals = () => {
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
