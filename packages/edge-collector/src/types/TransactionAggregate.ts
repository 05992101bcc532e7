// One row of the performance aggregates: what an hour (or a day) of one transaction
// name (with its op, environment and release) adds up to. Rows merge by adding.

import type { Sketch } from '../insights/quantileSketch';
import type { WebVital } from '../insights/webVitals';

/** The key of an aggregate row; `environment` and `release` are '' when unset. */
export interface AggregateKey {
  projectId: number;
  name: string;
  op: string;
  environment: string;
  release: string;
  /** Start of the hour, seconds since the epoch. */
  hour: number;
}

/** What a sketch measures: the duration, or a web vital. */
export type SketchMetric = 'duration' | WebVital;

export const SKETCH_METRICS: readonly SketchMetric[] = [
  'duration',
  'lcp',
  'inp',
  'cls',
  'fcp',
  'ttfb',
];

/** The sums of aggregate rows, whatever they are grouped by. */
export interface AggregateSums {
  count: number;
  /** Transactions whose status is not ok, cancelled or unknown (Sentry's failure rate). */
  failures: number;
  /** Apdex: duration ≤ T, and T < duration ≤ 4T. */
  apdexSatisfied: number;
  apdexTolerated: number;
  durationSum: number;
  /** One quantile sketch per metric (absent: not read, or never measured). */
  sketches: Partial<Record<SketchMetric, Sketch>>;
  /** Sums keyed `vital.good|needsImprovement|poor|score` (counts, and the sum of scores 0–1). */
  vitalTallies: Record<string, number>;
  /** ms of span time per op category (`db`, `http`…). */
  spanOps: Record<string, number>;
}

export interface TransactionAggregate extends AggregateKey, AggregateSums {
  /** The transactions this row counts, so a resent one is not counted twice. */
  eventIds: string[];
}
