import { type Metric, onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals';
import { guard } from '../core/guard.js';
import type { TransactionEvent } from '../core/transactionTypes.js';
import { cssSelector } from '../lib/cssSelector.js';
import { stripUrl } from '../lib/stripUrl.js';

type Entry = PerformanceEntry & {
  element?: Element;
  url?: string;
  target?: Node;
  value?: number;
  sources?: { node?: Node }[];
};

/**
 * Records LCP, INP, CLS, FCP and TTFB (web-vitals, every change, so the
 * values are as final as they get when the page is hidden) into the
 * transaction `target()` gives: `measurements` (ms; CLS unitless) and, in
 * the trace's data, each one's rating and an attribution read from the
 * metric's own entries (web-vitals' attribution build costs more than the
 * budget allows): LCP's element (a short selector) and resource URL, INP's
 * target and event type, the element that moved in CLS's largest shift.
 */
export const observeVitals = (target: () => TransactionEvent | undefined) => {
  const record = guard((metric: Metric) => {
    const transaction = target();
    if (transaction) {
      const name = metric.name.toLowerCase();
      const entries = metric.entries as Entry[];
      const data = transaction.contexts.trace.data;
      transaction.measurements[name] = {
        value: metric.value,
        unit: name === 'cls' ? '' : 'millisecond',
      };
      data[`${name}.rating`] = metric.rating;
      const last = entries[entries.length - 1];
      if (name === 'lcp') {
        data['lcp.element'] = cssSelector(last?.element);
        data['lcp.url'] = last?.url && stripUrl(last.url);
      }
      // The interaction's entries share its target; the first names the event.
      if (name === 'inp') {
        data['inp.target'] = cssSelector(entries[0]?.target);
        data['inp.event'] = entries[0]?.name;
      }
      // A shift lists its sources most-moved first.
      if (name === 'cls') {
        const largest = entries.sort((a, b) => (b.value as number) - (a.value as number))[0];
        data['cls.source'] = cssSelector(largest?.sources?.[0]?.node);
      }
    }
  });
  for (const on of [onLCP, onINP, onCLS, onFCP, onTTFB]) on(record, { reportAllChanges: true });
};
