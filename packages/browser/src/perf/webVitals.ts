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
 * A light attribution from the metric's own entries (instead of
 * web-vitals' attribution build, which costs more than the budget allows):
 * LCP's element (a short selector) and resource URL, INP's target and event
 * type, and the element that moved most in CLS's largest shift.
 */
const attribution = (name: string, entries: Entry[]): Record<string, unknown> => {
  const last = entries[entries.length - 1];
  if (name === 'lcp')
    return { element: cssSelector(last?.element), url: last?.url && stripUrl(last.url) };
  if (name === 'inp') {
    const entry = entries.find((e) => e.target) || last;
    return { target: cssSelector(entry?.target), event: entry?.name };
  }
  if (name === 'cls') {
    const largest = entries.reduce<Entry | undefined>(
      (a, b) => ((a?.value as number) > (b.value as number) ? a : b),
      undefined,
    );
    return { source: cssSelector(largest?.sources?.find((source) => source.node)?.node) };
  }
  return {};
};

/**
 * Records LCP, INP, CLS, FCP and TTFB (web-vitals, every change, so the
 * values are as final as they get when the page is hidden) into the
 * transaction `target()` gives: `measurements` (ms; CLS unitless) and, in
 * the trace's data, each one's rating and attribution (`lcp.element`, …).
 */
export const observeVitals = (target: () => TransactionEvent | undefined) => {
  const record = guard((metric: Metric) => {
    const transaction = target();
    if (!transaction) return;
    const name = metric.name.toLowerCase();
    transaction.measurements[name] = {
      value: metric.value,
      unit: name === 'cls' ? '' : 'millisecond',
    };
    const data = transaction.contexts.trace.data;
    data[`${name}.rating`] = metric.rating;
    const found = attribution(name, metric.entries as Entry[]);
    for (const key in found) data[`${name}.${key}`] = found[key] || undefined;
  });
  for (const on of [onLCP, onINP, onCLS, onFCP, onTTFB]) on(record, { reportAllChanges: true });
};
