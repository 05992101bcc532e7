import type { TraceSpan } from '../types/Trace';

/**
 * The op category a span's time counts under, as Sentry's span operation
 * breakdown names them: the part of the op before the first dot (`db.sql.query`
 * → `db`, `resource.script` → `resource`, `browser.dns` → `browser`).
 */
export function opCategory(op: string): string {
  return (op.split('.')[0] || 'other').toLowerCase();
}

/**
 * Milliseconds spent per op category: the union of the category's span
 * intervals, so ten parallel fetches of 100 ms count 100 ms, not 1 s.
 */
export function spanOpBreakdown(spans: TraceSpan[]): Record<string, number> {
  const byCategory = new Map<string, [number, number][]>();
  for (const span of spans) {
    if (!(span.timestamp >= span.startTimestamp)) continue;
    const category = opCategory(span.op);
    const list = byCategory.get(category) ?? [];
    list.push([span.startTimestamp, span.timestamp]);
    byCategory.set(category, list);
  }
  const result: Record<string, number> = {};
  for (const [category, intervals] of byCategory) {
    intervals.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [start, end] = intervals[0] as [number, number];
    for (const [nextStart, nextEnd] of intervals.slice(1)) {
      if (nextStart > end) {
        total += end - start;
        [start, end] = [nextStart, nextEnd];
      } else end = Math.max(end, nextEnd);
    }
    result[category] = total + (end - start);
  }
  return result;
}
