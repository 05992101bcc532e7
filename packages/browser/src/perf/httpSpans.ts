import { on } from '../lib/on.js';
import { stripUrl } from '../lib/stripUrl.js';
import { wrap } from '../lib/wrap.js';
import { requestEnded, requestStarted } from './navigations.js';
import { seconds } from './seconds.js';
import { propagatesTo, traceHeaders } from './traceHeaders.js';
import { active, addSpan, trace } from './transactions.js';

/**
 * A request starts: an `http.client` span in the open transaction (method,
 * URL without query values; the status once it ends) and, for a propagation
 * target, the trace headers naming that span as the parent, given to
 * `setHeader`. Returns the function to call with the status when it ends.
 */
const startRequest = (
  method: string,
  url: string,
  setHeader: (name: string, value: string) => void,
) => {
  const full = new URL(url, location.href).href;
  const stripped = stripUrl(full);
  const data: Record<string, unknown> = { 'http.method': method, url: stripped };
  const span =
    active && addSpan(active, 'http.client', `${method} ${stripped}`, seconds(), 0, data);
  if (propagatesTo(full)) {
    const headers = traceHeaders(trace.trace_id, (span || trace).span_id);
    for (const name in headers) setHeader(name, headers[name as keyof typeof headers]);
  }
  requestStarted();
  return (status?: number) => {
    requestEnded();
    if (span) {
      span.timestamp = seconds();
      data['http.response.status_code'] = status;
    }
  };
};

/**
 * `http.client` spans and trace headers for the page's `fetch` and XHR
 * requests. The page gets the very promise fetch returned, and whatever
 * goes wrong here leaves its request as it was.
 */
export const instrumentHttp = () => {
  const original = fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    let end: ((status?: number) => void) | undefined;
    try {
      const request = input as Request;
      const headers = new Headers(init?.headers || request.headers);
      end = startRequest(
        (init?.method || request.method || 'GET').toUpperCase(),
        String(request.url || input),
        (name, value) => {
          headers.has(name) || headers.set(name, value);
          init = { ...init, headers };
        },
      );
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
  // Once opened, an XHR can take headers; its span runs from `open` to `loadend`.
  wrap(XMLHttpRequest.prototype, 'open', (_, [method, url], xhr: XMLHttpRequest) => {
    const end = startRequest(method.toUpperCase(), String(url), (name, value) =>
      xhr.setRequestHeader(name, value),
    );
    on(xhr, 'loadend', () => end(xhr.status));
  });
};
