import { envelopeUrl } from './dsn.js';
import type { TransactionEvent } from './transactionTypes.js';
import type { Breadcrumb, Event, EventHint } from './types.js';

/** Which automatic breadcrumbs to record; each is on unless set to `false`. */
export interface BreadcrumbOptions {
  /** `console.log/info/warn/error` calls. */
  console?: boolean;
  /** Clicks, as a short CSS selector of the element clicked. */
  dom?: boolean;
  /** `fetch` calls: method, URL without secrets, status and duration. */
  fetch?: boolean;
  /** `XMLHttpRequest` calls: method, URL without secrets, status and duration. */
  xhr?: boolean;
  /** `history.pushState/replaceState` and back/forward navigations. */
  history?: boolean;
}

/** Options for {@link init}. Only `dsn` is required. */
export interface Options {
  /** Where to report: `https://PUBLIC_KEY@HOST/PROJECT_ID`. An invalid DSN disables the SDK. */
  dsn: string;
  /** The version of your app, e.g. `shop@1.4.2`. Issues can be resolved in a release. */
  release?: string;
  /** e.g. `production` or `staging`; issues can be filtered by it. */
  environment?: string;
  /** Share of events to send, from 0 (none) to 1 (all, the default). */
  sampleRate?: number;
  /**
   * Last look at each event before it is sent: return it (changed or not) or
   * `null` to drop it. Must be synchronous. Errors it throws drop the event.
   */
  beforeSend?: (event: Event, hint: EventHint) => Event | null | undefined;
  /** Same as `beforeSend`, for each breadcrumb as it is recorded. */
  beforeBreadcrumb?: (breadcrumb: Breadcrumb) => Breadcrumb | null | undefined;
  /**
   * Errors to drop, tested against `Type: message` (or a message event's
   * text): a string matches anywhere, a RegExp is tested. Added to the
   * defaults, which drop `Script error.` (a cross-origin script without
   * CORS) and ResizeObserver loop notices.
   */
  ignoreErrors?: (string | RegExp)[];
  /** If set, only errors whose crash frame comes from a matching script URL are sent. */
  allowUrls?: (string | RegExp)[];
  /** Errors whose crash frame comes from a matching script URL are dropped. */
  denyUrls?: (string | RegExp)[];
  /** How many breadcrumbs an event carries, the most recent ones. Defaults to 100. */
  maxBreadcrumbs?: number;
  /** At most this many events are sent per page load. Defaults to 50. */
  maxEventsPerPage?: number;
  /**
   * A URL (usually a path on your own origin) to post envelopes to instead of
   * the DSN's host, to get past ad blockers. It must forward them to the
   * collector; each envelope then carries the DSN in its header.
   */
  tunnel?: string;
  /** `false` turns the SDK off completely. Defaults to `true`. */
  enabled?: boolean;
  /** Automatic breadcrumbs; `false` turns them all off. */
  breadcrumbs?: BreadcrumbOptions | false;
  /**
   * Share of page loads that send a performance trace, from 0 (none, the
   * default) to 1. Decided once per page load, before any performance code
   * is fetched: a page load left out loads none. Script tags need
   * `faultline.tracing.min.js` (or the loader's `data-tracing`).
   */
  tracesSampleRate?: number;
  /**
   * Requests whose URL matches get `sentry-trace` and `baggage` headers, so
   * backends continue the browser's trace: a string matches anywhere in the
   * full URL, a RegExp is tested. Defaults to the page's own origin only.
   */
  tracePropagationTargets?: (string | RegExp)[];
  /** Last look at each transaction before it is sent: return it (changed or not) or `null` to drop it. */
  beforeSendTransaction?: (event: TransactionEvent) => TransactionEvent | null | undefined;
  /**
   * Logs to the console why the SDK is off, each event sent or dropped (and
   * by what) and the collector's answer. Only the debug builds
   * (`faultline.debug.min.js`, `@faultline/browser/debug`) have the logger;
   * the production ones ignore it.
   */
  debug?: boolean;
}

export interface ResolvedOptions extends Options {
  /** Where envelopes go: the tunnel, else the DSN's envelope endpoint. */
  _url: string;
  ignoreErrors: (string | RegExp)[];
  maxBreadcrumbs: number;
  maxEventsPerPage: number;
}

/**
 * Resolves the options once, in `init`; undefined when the SDK is to stay
 * off (an invalid DSN, `enabled: false`). Defaults that cost bytes to spell
 * are applied where read instead: `sampleRate` undefined keeps everything
 * (`!(random >= undefined)`), `beforeSend`/`beforeBreadcrumb` undefined keep
 * the event, empty URL lists match nothing.
 */
export const resolveOptions = (options: Options): ResolvedOptions | undefined => {
  const endpoint = envelopeUrl(options.dsn);
  if (endpoint && options.enabled !== false)
    return {
      ...options,
      _url: options.tunnel || endpoint,
      // Noise every site gets: cross-origin scripts without CORS report only
      // this, and ResizeObserver loop notices are benign (w3c/csswg-drafts#5487).
      ignoreErrors: ['Script error.', 'ResizeObserver loop'].concat(
        (options.ignoreErrors as string[]) || [],
      ),
      maxBreadcrumbs: options.maxBreadcrumbs ?? 100,
      maxEventsPerPage: options.maxEventsPerPage ?? 50,
    };
};
