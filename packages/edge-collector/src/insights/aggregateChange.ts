import type { TraceSegment } from '../types/Trace';
import type { SketchMetric, TransactionAggregate } from '../types/TransactionAggregate';
import { aggregateSegments } from './aggregateSegments';
import { mergeSketch, type Sketch } from './quantileSketch';

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
 * `after − before` bucket by bucket (a count may be negative: a value replaced),
 * without the zero counts at either end; undefined when nothing changed.
 */
function sketchDifference(
  after: Sketch | undefined,
  before: Sketch | undefined,
): Sketch | undefined {
  const change: Sketch = [...(after ?? [0, 0])];
  if (before) {
    mergeSketch(
      change,
      before.map((count, index) => (index === 1 ? count : -count)),
    );
  }
  while (change.length > 2 && change[change.length - 1] === 0) change.pop();
  while (change.length > 2 && change[2] === 0) {
    change.splice(2, 1);
    change[1] = (change[1] as number) + 1;
  }
  if (change.length === 2) change[1] = 0;
  return change.length === 2 && change[0] === 0 ? undefined : change;
}

function sketchesDifference(
  after: TransactionAggregate['sketches'],
  before: TransactionAggregate['sketches'],
): TransactionAggregate['sketches'] {
  const change: TransactionAggregate['sketches'] = {};
  for (const metric of new Set([
    ...Object.keys(after),
    ...Object.keys(before),
  ]) as Set<SketchMetric>) {
    const delta = sketchDifference(after[metric], before[metric]);
    if (delta) change[metric] = delta;
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
    sketches: sketchesDifference(now.sketches, old.sketches),
    vitalTallies: difference(now.vitalTallies, old.vitalTallies),
    spanOps: difference(now.spanOps, old.spanOps),
    eventIds: [],
  };
}
