import type { AggregateSums } from '../types/TransactionAggregate';
import { mergeSketch } from './quantileSketch';

function addTallies(into: Record<string, number>, from: Record<string, number>): void {
  for (const key in from) into[key] = (into[key] ?? 0) + (from[key] as number);
}

/** Adds `from` into `into` (changes `into`; `from`'s sketches are copied, never shared). */
export function addAggregate(into: AggregateSums, from: AggregateSums): void {
  into.count += from.count;
  into.failures += from.failures;
  into.apdexSatisfied += from.apdexSatisfied;
  into.apdexTolerated += from.apdexTolerated;
  into.durationSum += from.durationSum;
  for (const [metric, sketch] of Object.entries(from.sketches)) {
    const key = metric as keyof AggregateSums['sketches'];
    const target = into.sketches[key];
    if (target) mergeSketch(target, sketch);
    else into.sketches[key] = [...sketch];
  }
  addTallies(into.vitalTallies, from.vitalTallies);
  addTallies(into.spanOps, from.spanOps);
}

/** Sums of nothing, to add rows into. */
export function emptyAggregate(): AggregateSums {
  return {
    count: 0,
    failures: 0,
    apdexSatisfied: 0,
    apdexTolerated: 0,
    durationSum: 0,
    sketches: {},
    vitalTallies: {},
    spanOps: {},
  };
}
