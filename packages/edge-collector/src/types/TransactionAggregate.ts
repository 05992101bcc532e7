// One row of the performance aggregates: what an hour of one transaction name
// (with its op, environment and release) adds up to. Rows merge by adding.

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

export interface TransactionAggregate extends AggregateKey {
  count: number;
  /** Transactions whose status is not ok, cancelled or unknown (Sentry's failure rate). */
  failures: number;
  /** Apdex: duration ≤ T, and T < duration ≤ 4T. */
  apdexSatisfied: number;
  apdexTolerated: number;
  durationSum: number;
  /** Sparse sketch buckets of every metric, keyed `metric:bucket` (`duration:512`, `cls:z`). */
  sketches: Record<string, number>;
  /**
   * Sums keyed `vital.good|needsImprovement|poor|score` (counts, and the sum of
   * per-transaction scores 0–1) and `ops.<category>` (ms of span time per op category).
   */
  tallies: Record<string, number>;
  /** The transactions this row counts, so a resent one is not counted twice. */
  eventIds: string[];
}
