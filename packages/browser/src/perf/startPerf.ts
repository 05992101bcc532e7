import { envelopeUrl } from '../core/dsn.js';
import { guard } from '../core/guard.js';
import type { Options } from '../core/options.js';
import type { TransactionEvent } from '../core/transactionTypes.js';
import { on } from '../lib/on.js';
import { instrumentHttp } from './httpSpans.js';
import { longTaskSpans, observeLongTasks } from './longTasks.js';
import { navigationPhaseSpans } from './navigationPhaseSpans.js';
import { finishNavigation, watchNavigations } from './navigations.js';
import { resourceSpans } from './resourceSpans.js';
import { seconds } from './seconds.js';
import { transactionSender } from './sendTransaction.js';
import { startSpan } from './startSpan.js';
import {
  configureTransactions,
  deactivate,
  finishTransaction,
  setTransactionName,
  startTransaction,
} from './transactions.js';
import { observeVitals } from './webVitals.js';

/** What the performance part adds to the SDK's API once it runs. */
export interface PerfApi {
  startSpan: typeof startSpan;
  setTransactionName: typeof setTransactionName;
}

let started = false;

/**
 * Starts performance monitoring for a sampled page load (once per page):
 * a `pageload` transaction from navigation start with web vitals, sent with
 * its navigation phases, slowest resources and long tasks when the page is
 * first hidden (or left, which hides it); `navigation` transactions for SPA navigations;
 * `http.client` spans and trace headers on fetch and XHR. `setContext`
 * gives errors the trace; `name` is one `setTransactionName` gave earlier;
 * `ownScript` is the performance part's own URL, no resource of the page.
 */
export const startPerf = (
  options: Options,
  setContext: (name: string, context: Record<string, unknown>) => unknown,
  name?: string,
  ownScript?: string,
): PerfApi | undefined => {
  if (started) return;
  started = true;
  configureTransactions(transactionSender(options), setContext);
  // The SDK's own posts and file are no resources of the page.
  const own = [options.tunnel || (envelopeUrl(options.dsn) as string).split('?')[0]] as string[];
  if (ownScript) own.push(ownScript);
  let pageload: TransactionEvent | undefined = startTransaction('pageload', seconds(0));
  let restored = false;
  // Where the page load stops collecting: the first SPA navigation, else when sent.
  let until = Number.POSITIVE_INFINITY;
  if (name) setTransactionName(name);

  observeLongTasks();
  observeVitals(() => pageload);
  instrumentHttp(options);
  watchNavigations(() => {
    if (pageload) deactivate(pageload);
    until = Math.min(until, seconds());
  });

  // Hidden (leaving a page hides it too): send the page load once, and end
  // a navigation in progress. Not on `pagehide`, which comes before the
  // final visibilitychange where web-vitals reports the last values; in the
  // bubble phase, after web-vitals' own (document or capturing) listeners.
  const hidden = guard(() => {
    if (document.visibilityState === 'hidden') {
      finishNavigation();
      const transaction = pageload;
      if (transaction) {
        pageload = undefined;
        const end = Math.min(until, seconds());
        if (!restored) {
          navigationPhaseSpans(transaction);
          resourceSpans(transaction, end, own);
        }
        longTaskSpans(transaction, end);
        finishTransaction(transaction);
      }
    }
  });
  on(window, 'visibilitychange', hidden);
  // Back from the back/forward cache: a new page load for web-vitals, so a
  // new `pageload` transaction from the restore, sent at the next hiding.
  on(
    window,
    'pageshow',
    guard((event: PageTransitionEvent) => {
      if (event.persisted) {
        restored = true;
        until = Number.POSITIVE_INFINITY;
        pageload = startTransaction('pageload', seconds(event.timeStamp));
      }
    }),
  );
  return { startSpan, setTransactionName };
};
