import type { AggregateGroup } from '../store/transactionAggregateReads';
import type { SketchMetric } from '../types/TransactionAggregate';
import { emptySketch, type Sketch, sketchQuantile } from './quantileSketch';
import {
  performanceScore,
  rateVital,
  type VitalRating,
  WEB_VITALS,
  type WebVital,
} from './webVitals';

export interface VitalFigures {
  p75: number | null;
  rating: VitalRating | null;
  /** Shares 0–1 of the measured values rated good, needs-improvement, poor. */
  good: number;
  needsImprovement: number;
  poor: number;
  count: number;
}

/** What the performance list and series show for one group of aggregates. */
export interface PerformanceFigures {
  count: number;
  p50: number | null;
  p75: number | null;
  p95: number | null;
  failureRate: number;
  apdex: number | null;
  score: number | null;
  vitals: Record<WebVital, VitalFigures>;
  /** Transactions that had at least one web vital: the weight of the score. */
  scoredCount: number;
}

/** One metric's sketch of a group (empty when none of its rows measured it). */
export function metricSketch(group: AggregateGroup, metric: SketchMetric): Sketch {
  return group.sketches[metric] ?? emptySketch();
}

function vitalFigures(
  group: AggregateGroup,
  vital: WebVital,
): VitalFigures & { meanScore?: number } {
  const good = group.vitalTallies[`${vital}.good`] ?? 0;
  const needsImprovement = group.vitalTallies[`${vital}.needsImprovement`] ?? 0;
  const poor = group.vitalTallies[`${vital}.poor`] ?? 0;
  const count = good + needsImprovement + poor;
  const p75 = sketchQuantile(metricSketch(group, vital), 0.75);
  const share = (part: number) => (count === 0 ? 0 : part / count);
  return {
    p75,
    rating: p75 === null ? null : rateVital(vital, p75),
    good: share(good),
    needsImprovement: share(needsImprovement),
    poor: share(poor),
    count,
    meanScore: count === 0 ? undefined : (group.vitalTallies[`${vital}.score`] ?? 0) / count,
  };
}

/**
 * Figures of a group: duration percentiles from the merged sketch, failure
 * rate, Apdex = (satisfied + tolerated / 2) / count, per-vital p75, rating and
 * shares, and the performance score from each vital's mean score.
 */
export function performanceFigures(group: AggregateGroup): PerformanceFigures {
  const duration = metricSketch(group, 'duration');
  const vitals = {} as Record<WebVital, VitalFigures>;
  const means: Partial<Record<WebVital, number>> = {};
  let scoredCount = 0;
  for (const vital of WEB_VITALS) {
    const { meanScore, ...figures } = vitalFigures(group, vital);
    vitals[vital] = figures;
    if (meanScore !== undefined) means[vital] = meanScore;
    scoredCount = Math.max(scoredCount, figures.count);
  }
  return {
    count: group.count,
    p50: sketchQuantile(duration, 0.5),
    p75: sketchQuantile(duration, 0.75),
    p95: sketchQuantile(duration, 0.95),
    failureRate: group.count === 0 ? 0 : group.failures / group.count,
    apdex:
      group.count === 0 ? null : (group.apdexSatisfied + group.apdexTolerated / 2) / group.count,
    score: performanceScore(means),
    vitals,
    scoredCount,
  };
}
