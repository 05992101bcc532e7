import type { Options } from '../core/options.js';
import { on } from '../lib/on.js';
import { stripUrl } from '../lib/stripUrl.js';
import { requestEnded, requestStarted } from './navigations.js';
import { seconds } from './seconds.js';
import { propagatesTo, traceHeaders } from './traceHeaders.js';
import { active, addSpan, trace } from './transactions.js';

type EndRequest = (status?: number) => void;

/**
 * A request starts: an `http.client` span in the open transaction (method,
 * URL without query values; the status once it ends) and, for a propagation
 * target, the trace headers naming that span as the parent. Returns the
 * headers to add (if any) and the function to call when it ends.
 */
const startRequest = (
  options: Options,
  method: string,
  url: string,
  type: 'fetch' | 'xhr',
): [Record<string, string> | undefined, EndRequest] => {
  const full = new URL(url, location.href).href;
  const stripped = stripUrl(full);
  const span =
    active &&
    addSpan(active, 'http.client', `${method} ${stripped}`, seconds(), undefined, {
      'http.method': method,
      url: stripped,
      type,
    });
  requestStarted();
  return [
    propagatesTo(full, options.tracePropagationTargets)
      ? traceHeaders(options, trace.trace_id, (span || trace).span_id)
      : undefined,
    (status) => {
      requestEnded();
      if (span) {
        span.timestamp = seconds();
        (span.data as Record<string, unknown>)['http.response.status_code'] = status;
      }
    },
  ];
};

/**
 * Times every `fetch` as a span and adds the trace headers to those going
 * to a propagation target. The page gets the very promise fetch returned,
 * and whatever goes wrong here leaves its request as it was.
 */
const instrumentFetch = (options: Options) => {
  const original = fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    let end: EndRequest | undefined;
    try {
      const request = input as Request;
      const [headers, done] = startRequest(
        options,
        (init?.method || request.method || 'GET').toUpperCase(),
        String(request.url || input),
        'fetch',
      );
      end = done;
      if (headers) {
        const merged = new Headers(init?.headers || request.headers);
        for (const name in headers) merged.has(name) || merged.set(name, headers[name] as string);
        init = { ...init, headers: merged };
      }
    } catch {
      // The request goes out untouched.
    }
    const promise = original(input, init);
    promise.then(
      (response) => end?.(response.status),
      () => end?.(),
    );
    return promise;
  };
};

/** The same for XMLHttpRequest: the span runs from `send` to `loadend`. */
const instrumentXhr = (options: Options) => {
  const proto = XMLHttpRequest.prototype as XMLHttpRequest & { _request?: [string, string] };
  const { open, send } = proto;
  proto.open = function (this: typeof proto, ...args: unknown[]) {
    this._request = [String(args[0]).toUpperCase(), String(args[1])];
    return (open as (...a: unknown[]) => void).apply(this, args);
  };
  proto.send = function (this: typeof proto, body?: Document | XMLHttpRequestBodyInit | null) {
    try {
      if (this._request) {
        const [headers, end] = startRequest(options, ...this._request, 'xhr');
        for (const name in headers) this.setRequestHeader(name, headers[name] as string);
        on(this, 'loadend', () => end(this.status));
      }
    } catch {
      // The request goes out untouched.
    }
    return send.call(this, body);
  };
};

/** Spans and trace headers for the page's fetch and XHR requests. */
export const instrumentHttp = (options: Options) => {
  instrumentFetch(options);
  instrumentXhr(options);
};
