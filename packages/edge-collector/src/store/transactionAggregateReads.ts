// SQL that reads the performance aggregates for the list, the summary and the
// performance alerts: whole days from the daily rollups, the edge hours from the
// hourly rows (store/transactionAggregates.ts writes both).

import { addAggregate, emptyAggregate } from '../insights/addAggregate';
import type { Sketch } from '../insights/quantileSketch';
import {
  type AggregateSums,
  SKETCH_METRICS,
  type SketchMetric,
} from '../types/TransactionAggregate';
import { DAILY, DAY, EMPTY_SKETCH, type Grain, HOURLY } from './aggregateTables';

/** Which aggregates to read: a project, hours [startHour, endHour), optional filters. */
export interface AggregateFilter {
  projectId: number;
  startHour: number;
  endHour: number;
  environment?: string;
  release?: string;
  op?: string;
  /** Exactly this transaction name. */
  name?: string;
  /** Names containing this text. */
  query?: string;
}

/** Which columns to read and how to group them. */
export interface AggregateRead {
  /** The sketches wanted (none: counts only). */
  sketches: readonly SketchMetric[];
  vitalTallies?: boolean;
  spanOps?: boolean;
  /** Group by steps of this many seconds (a series) and op instead of by name and op. */
  stepSeconds?: number;
}

/** Sums of one group (a transaction name, or a point of a series). */
export interface AggregateGroup extends AggregateSums {
  /** The transaction name, or the series point's start (seconds) as a string. */
  group: string;
  op: string;
}

/**
 * The parts of a period: whole UTC days from the daily rollups, the hours
 * before the first and after the last whole day from the hourly rows. Without
 * `useDays` (an hourly series), hours only.
 */
export function periodParts(
  startHour: number,
  endHour: number,
  useDays: boolean,
): { grain: Grain; start: number; end: number }[] {
  const firstDay = Math.ceil(startHour / DAY) * DAY;
  const lastDay = Math.floor(endHour / DAY) * DAY;
  if (!useDays || firstDay >= lastDay) return [{ grain: HOURLY, start: startHour, end: endHour }];
  return [
    { grain: HOURLY, start: startHour, end: firstDay },
    { grain: DAILY, start: firstDay, end: lastDay },
    { grain: HOURLY, start: lastDay, end: endHour },
  ].filter((part) => part.start < part.end);
}

interface AggregateRow {
  grp: string | number;
  op: string;
  count: number;
  failures: number;
  apdex_satisfied: number;
  apdex_tolerated: number;
  duration_sum: number;
  vital_tallies?: string;
  span_ops?: string;
  [metric: string]: unknown;
}

function rowSums(row: AggregateRow, read: AggregateRead): AggregateSums {
  const sketches: AggregateSums['sketches'] = {};
  for (const metric of read.sketches) {
    const text = row[metric] as string;
    if (text !== EMPTY_SKETCH) sketches[metric] = JSON.parse(text) as Sketch;
  }
  return {
    count: row.count,
    failures: row.failures,
    apdexSatisfied: row.apdex_satisfied,
    apdexTolerated: row.apdex_tolerated,
    durationSum: row.duration_sum,
    sketches,
    vitalTallies: row.vital_tallies ? JSON.parse(row.vital_tallies) : {},
    spanOps: row.span_ops ? JSON.parse(row.span_ops) : {},
  };
}

/**
 * Aggregates grouped by transaction name and op (`stepSeconds` absent) or by
 * time step and op for one name. One indexed read of the period's rows (daily rollups
 * for the whole days when the grouping allows), only the columns asked for;
 * their sketches and tallies are added here (JSON.parse of dense arrays and
 * adding beat SQLite's json_each and GROUP BY over every bucket by far).
 */
export async function selectAggregateGroups(
  db: D1Database,
  filter: AggregateFilter,
  read: AggregateRead,
): Promise<AggregateGroup[]> {
  const step = read.stepSeconds;
  const parts = periodParts(filter.startHour, filter.endHour, !step || step % DAY === 0);
  const columns = [
    'count',
    'failures',
    'apdex_satisfied',
    'apdex_tolerated',
    'duration_sum',
    ...SKETCH_METRICS.filter((metric) => read.sketches.includes(metric)),
    ...(read.vitalTallies ? ['vital_tallies'] : []),
    ...(read.spanOps ? ['span_ops'] : []),
  ].join(', ');
  const filters = [filter.environment, filter.release, filter.op, filter.name, filter.query];
  const binds: unknown[] = [];
  const selects = parts.map(({ grain, start, end }) => {
    const group = step ? `(CAST(a.${grain.time} / ? AS INTEGER) * ?)` : 'a.name';
    if (step) binds.push(step, step);
    binds.push(
      filter.projectId,
      start,
      end,
      ...filters.flatMap((value) => [value ?? null, value ?? null]),
    );
    return `SELECT ${group} AS grp, a.op AS op, ${columns}
      FROM ${grain.table} a
      WHERE a.project_id = ? AND a.${grain.time} >= ? AND a.${grain.time} < ?
        AND (? IS NULL OR a.environment = ?) AND (? IS NULL OR a.release = ?)
        AND (? IS NULL OR a.op = ?) AND (? IS NULL OR a.name = ?)
        AND (? IS NULL OR instr(lower(a.name), lower(?)) > 0)`;
  });
  const { results } = await db
    .prepare(selects.join('\nUNION ALL\n'))
    .bind(...binds)
    .all<AggregateRow>();
  const groups = new Map<string, AggregateGroup>();
  for (const row of results) {
    const id = `${row.grp}\u0000${row.op}`;
    let target = groups.get(id);
    if (!target) {
      target = { group: String(row.grp), op: row.op, ...emptyAggregate() };
      groups.set(id, target);
    }
    addAggregate(target, rowSums(row, read));
  }
  return [...groups.values()];
}
