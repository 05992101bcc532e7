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

/**
 * Starts performance monitoring for a sampled page load (the caller makes
 * sure it runs once per page): a `pageload` transaction from navigation
 * start with web vitals, sent with its navigation phases, slowest resources
 * and long tasks when the page is first hidden (leaving a page hides it
 * too); `navigation` transactions for SPA navigations; `http.client` spans
 * and trace headers on fetch and XHR. `url` is where the core posts
 * envelopes; `setContext` gives errors the trace; `name` is one
 * `setTransactionName` gave before this part arrived; `ownScript` is this
 * part's own URL, no resource of the page.
 */
export const startPerf = (
  options: Options,
  url: string,
  setContext: (name: string, context: Record<string, unknown>) => unknown,
  name?: string,
  ownScript?: string,
): PerfApi => {
  configureTransactions(options, transactionSender(url), setContext);
  let pageload: TransactionEvent | undefined = startTransaction('pageload', seconds(0));
  // Where the page load stops collecting (epoch s): at the first SPA navigation.
  let until: number | undefined;
  if (name) setTransactionName(name);
  observeLongTasks();
  observeVitals(() => pageload);
  instrumentHttp();
  watchNavigations(() => {
    until ||= seconds();
  });
  // Hidden: send the page load once, and end a navigation in progress. Not
  // on `pagehide`, which comes before the final visibilitychange where
  // web-vitals reports the last values; in the bubble phase, after
  // web-vitals' own (document or capturing) listeners.
  on(
    window,
    'visibilitychange',
    guard(() => {
      if (document.hidden) {
        finishNavigation();
        if (pageload) {
          const end = until || seconds();
          navigationPhaseSpans(pageload);
          resourceSpans(pageload, end, ownScript);
          longTaskSpans(pageload, end);
          finishTransaction(pageload);
          pageload = undefined;
        }
      }
    }),
  );
  return { startSpan, setTransactionName };
};
