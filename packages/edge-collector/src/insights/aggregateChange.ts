import type { TraceSegment } from '../types/Trace';
import type { TransactionAggregate } from '../types/TransactionAggregate';
import { aggregateSegments } from './aggregateSegments';

/** `after − before`, key by key, without the keys that did not change. */
function difference(
  after: Record<string, number>,
  before: Record<string, number>,
): Record<string, number> {
  const change: Record<string, number> = {};
  for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const delta = (after[key] ?? 0) - (before[key] ?? 0);
    if (delta !== 0) change[key] = delta;
  }
  return change;
}

/**
 * What a stored segment's aggregate row gains when a late update is merged into
 * it (@sentry/browser 11 sends LCP, CLS and INP in a later envelope): the
 * merged segment's contribution minus the stored one's, so a vital that arrives
 * late is counted once and a vital reported again replaces its earlier value.
 * The transaction itself is already counted (`count` stays). Undefined when
 * nothing changes, as when a resent update merges into a segment that holds it.
 */
export function aggregateChange(
  before: TraceSegment,
  after: TraceSegment,
  apdexThresholdMs: number,
): TransactionAggregate | undefined {
  const threshold = () => apdexThresholdMs;
  const [old] = aggregateSegments([before], threshold);
  const [now] = aggregateSegments([after], threshold);
  if (!old || !now || JSON.stringify(old) === JSON.stringify(now)) return undefined;
  return {
    ...now,
    count: 0,
    failures: now.failures - old.failures,
    apdexSatisfied: now.apdexSatisfied - old.apdexSatisfied,
    apdexTolerated: now.apdexTolerated - old.apdexTolerated,
    durationSum: now.durationSum - old.durationSum,
    sketches: difference(now.sketches, old.sketches),
    tallies: difference(now.tallies, old.tallies),
    eventIds: [],
  };
}
