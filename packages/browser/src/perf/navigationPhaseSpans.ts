import type { TransactionEvent } from '../core/transactionTypes.js';
import { stripUrl } from '../lib/stripUrl.js';
import { seconds } from './seconds.js';
import { addSpan } from './transactions.js';

// Sentry's `browser.*` op of each phase, then the Navigation Timing fields
// it spans: `name` alone means `nameStart` to `nameEnd`, and no field means
// the op's own name.
const PHASES =
  'redirect,cache fetchStart domainLookupStart,DNS domainLookup,connect,TLS/SSL secureConnectionStart connectEnd,request requestStart responseEnd,response,domContentLoadedEvent,loadEvent';

/**
 * The page load's phases from its navigation entry, as Sentry's browser
 * tracing adds them; a phase that did not happen (0: no redirect, a reused
 * connection's TLS) or has not ended is left out.
 */
export const navigationPhaseSpans = (transaction: TransactionEvent) => {
  const entry = (performance.getEntriesByType('navigation')[0] || {}) as unknown as Record<
    string,
    number
  >;
  for (const phase of PHASES.split(',')) {
    const [op, field = op, end = `${field}End`] = phase.split(' ') as [string, string?, string?];
    const start = entry[field as string] ?? entry[`${field}Start`];
    if (start && entry[end]) {
      addSpan(
        transaction,
        `browser.${op}`,
        stripUrl(entry.name as unknown as string),
        seconds(start),
        seconds(entry[end]),
      );
    }
  }
};
