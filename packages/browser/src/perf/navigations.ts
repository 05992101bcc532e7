import { guard } from '../core/guard.js';
import type { TransactionEvent } from '../core/transactionTypes.js';
import { on } from '../lib/on.js';
import { wrap } from '../lib/wrap.js';
import { longTaskSpans } from './longTasks.js';
import { seconds } from './seconds.js';
import { finishTransaction, startTransaction } from './transactions.js';

/** The SPA navigation in progress, if any, and its timers. */
let navigation: TransactionEvent | undefined;
let openRequests = 0;
let idleTimer: ReturnType<typeof setTimeout>;
let maxTimer: ReturnType<typeof setTimeout>;

/** Ends the navigation in progress, if any: now, when no request has been open for 1 s, or after 30 s. */
export const finishNavigation = () => {
  clearTimeout(idleTimer);
  clearTimeout(maxTimer);
  if (navigation) {
    longTaskSpans(navigation, seconds());
    finishTransaction(navigation);
  }
  navigation = undefined;
};

/** A fetch or XHR has ended (`-1`) or started (`1`); with none left open, the idle second starts. */
const requestsChanged = (by: number) => {
  openRequests += by;
  clearTimeout(idleTimer);
  if (navigation && !openRequests) idleTimer = setTimeout(guard(finishNavigation), 1e3);
};
export const requestStarted = () => requestsChanged(1);
export const requestEnded = () => requestsChanged(-1);

/**
 * Starts a `navigation` transaction whenever the page's URL changes by
 * `pushState`, `replaceState` or back/forward (`popstate`); a new one ends
 * the one before. `onStart` hears of each (the page load stops collecting).
 */
export const watchNavigations = (onStart: () => void) => {
  let from = location.href;
  const navigated = () => {
    if (location.href !== from) {
      from = location.href;
      finishNavigation();
      onStart();
      navigation = startTransaction('navigation', seconds());
      maxTimer = setTimeout(guard(finishNavigation), 3e4);
      requestsChanged(0);
    }
  };
  wrap(history, 'pushState', navigated);
  wrap(history, 'replaceState', navigated);
  on(window, 'popstate', guard(navigated));
};
