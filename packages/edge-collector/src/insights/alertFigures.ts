import type { AggregateGroup } from '../store/transactionAggregateReads';
import type { PerformanceRegressionTrigger } from '../types/AlertRule';
import type { SketchMetric } from '../types/TransactionAggregate';
import { metricSketch } from './performanceFigures';
import { sketchCount, sketchQuantile } from './quantileSketch';

/** What a performance or error-rate alert carries, as `figures` in its body. */
export interface AlertFigures {
  metric: string;
  value: number;
  baseline: number | null;
  changePercent: number | null;
  count: number;
  baselineCount: number | null;
}

/** The sketch a metric such as `p75(lcp)` is read from (`lcp`). */
export function sketchOfMetric(metric: string): SketchMetric | null {
  const match = /^p\d+\((\w+)\)$/.exec(metric);
  return match ? (match[1] as SketchMetric) : null;
}

/** A metric such as `p75(lcp)` of a group: its value and how many values it is made of. */
export function metricValue(
  group: AggregateGroup | undefined,
  metric: string,
): { value: number | null; count: number } {
  const match = /^p(\d+)\((\w+)\)$/.exec(metric);
  if (!group || !match) return { value: null, count: 0 };
  const sketch = metricSketch(group, match[2] as SketchMetric);
  return { value: sketchQuantile(sketch, Number(match[1]) / 100), count: sketchCount(sketch) };
}

/**
 * The figures of a regression when `current` is worse (higher) than `baseline`
 * by more than the trigger's threshold percent with at least `minCount` values
 * on both sides; null otherwise.
 */
export function regressionFigures(
  trigger: PerformanceRegressionTrigger,
  current: AggregateGroup | undefined,
  baseline: AggregateGroup | undefined,
): AlertFigures | null {
  const now = metricValue(current, trigger.metric);
  const before = metricValue(baseline, trigger.metric);
  if (now.count < trigger.minCount || before.count < trigger.minCount) return null;
  if (now.value === null || before.value === null || before.value <= 0) return null;
  const changePercent = ((now.value - before.value) / before.value) * 100;
  if (!(changePercent > trigger.threshold)) return null;
  return {
    metric: trigger.metric,
    value: now.value,
    baseline: before.value,
    changePercent,
    count: now.count,
    baselineCount: before.count,
  };
}
