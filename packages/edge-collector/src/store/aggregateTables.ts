// The performance aggregates' two tables (see migrations 0085 and 0120): hourly rows
// and daily rollups of the same rows, keyed alike but for their time column.

export const DAY = 86_400;

/** The two tables and the column each is keyed by in time. */
export const HOURLY = { table: 'transaction_aggregates', time: 'hour' } as const;
export const DAILY = { table: 'transaction_aggregates_daily', time: 'day' } as const;
export type Grain = typeof HOURLY | typeof DAILY;

/** A stored sketch without values (insights/quantileSketch's dense encoding). */
export const EMPTY_SKETCH = '[0,0]';
