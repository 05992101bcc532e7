// SQL for the performance aggregates (see migrations 0085 and 0120): hourly rows
// (transaction_aggregates) and daily rollups of the same rows
// (transaction_aggregates_daily), both written at ingest.

import { addAggregate, emptyAggregate } from '../insights/addAggregate';
import type { Sketch } from '../insights/quantileSketch';
import {
  type AggregateSums,
  SKETCH_METRICS,
  type SketchMetric,
  type TransactionAggregate,
} from '../types/TransactionAggregate';

const DAY = 86_400;

/** The two tables and the column each is keyed by in time. */
const HOURLY = { table: 'transaction_aggregates', time: 'hour' } as const;
const DAILY = { table: 'transaction_aggregates_daily', time: 'day' } as const;
type Grain = typeof HOURLY | typeof DAILY;

/** `column` of the stored row plus the same column of the new one, key by key (JSON objects). */
const MERGE_JSON = (table: string, column: string) => `(SELECT json_group_object(key, total) FROM (
    SELECT key, sum(value) AS total FROM (
      SELECT key, value FROM json_each(${table}.${column})
      UNION ALL SELECT key, value FROM json_each(excluded.${column}))
    GROUP BY key))`;

/**
 * The stored dense sketch (`[zero, offset, counts…]`, see insights/quantileSketch)
 * plus the new one. Usually the new buckets lie within the stored range: one pass
 * over the stored array adds the new count at each position. Otherwise both
 * become (bucket, count) cells, summed per bucket and written out in bucket
 * order, a gap between two ranges filled with zeros (hex(zeroblob(n)) with each
 * '00' made '0,' is n zeros). A side without values is skipped (API
 * transactions have no vitals). Offsets are read once per pass (SQLite before
 * 3.45 parses a JSON text again at every json_extract).
 */
const MERGE_SKETCH = (table: string, column: string) => {
  const stored = `${table}.${column}`;
  const added = `excluded.${column}`;
  const inside = `(SELECT '[' || group_concat(v, ',') || ']' FROM (
      SELECT CASE WHEN e.key = 0 THEN e.value + json_extract(${added}, '$[0]')
        WHEN e.key = 1 OR e.key + c.so - c.ao < 2 THEN e.value
        ELSE e.value + coalesce(json_extract(${added}, '$[' || (e.key + c.so - c.ao) || ']'), 0)
        END AS v
      FROM (SELECT json_extract(${stored}, '$[1]') AS so, json_extract(${added}, '$[1]') AS ao) c,
        json_each(${stored}) e
      ORDER BY e.key))`;
  const cells = `SELECT json_extract(${stored}, '$[1]') + key - 2 AS i, value AS n
        FROM json_each(${stored}) WHERE key >= 2
      UNION ALL SELECT json_extract(${added}, '$[1]') + key - 2, value
        FROM json_each(${added}) WHERE key >= 2`;
  const general = `'[' || (json_extract(${stored}, '$[0]') + json_extract(${added}, '$[0]')) || ',' || coalesce((
      SELECT min(i) || ',' || group_concat(cell, ',') FROM (
        SELECT i, replace(hex(zeroblob(coalesce(i - lag(i) OVER (ORDER BY i) - 1, 0))), '00', '0,')
          || n AS cell
        FROM (SELECT i, sum(n) AS n FROM (${cells}) GROUP BY i)
        ORDER BY i)), '0') || ']'`;
  return `CASE WHEN ${added} = '[0,0]' THEN ${stored} WHEN ${stored} = '[0,0]' THEN ${added}
    WHEN json_array_length(${added}) = 2 OR (json_array_length(${stored}) > 2
      AND json_extract(${added}, '$[1]') >= json_extract(${stored}, '$[1]')
      AND json_extract(${added}, '$[1]') + json_array_length(${added})
        <= json_extract(${stored}, '$[1]') + json_array_length(${stored}))
    THEN ${inside}
    ELSE ${general} END`;
};

const EMPTY_SKETCH = '[0,0]';

/** When a row may be added: SQL over `transactions`, and its binds. */
interface AddGuard {
  sql: string;
  binds: unknown[];
}

/** A new transaction's row: only while none of its transactions is stored (a resend adds nothing). */
function noneStored(row: TransactionAggregate): AddGuard {
  return {
    sql: `NOT EXISTS (SELECT 1 FROM transactions WHERE project_id = ?
         AND event_id IN (SELECT value FROM json_each(?)))`,
    binds: [row.projectId, JSON.stringify(row.eventIds)],
  };
}

function upsertStatement(
  db: D1Database,
  grain: Grain,
  row: TransactionAggregate,
  time: number,
  guard: AddGuard,
): D1PreparedStatement {
  const { table } = grain;
  const sketchColumns = SKETCH_METRICS.join(', ');
  return db
    .prepare(
      `INSERT INTO ${table} (project_id, ${grain.time}, name, op, environment, release,
         count, failures, apdex_satisfied, apdex_tolerated, duration_sum, ${sketchColumns},
         vital_tallies, span_ops)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${SKETCH_METRICS.map(() => '?').join(', ')}, ?, ?
       WHERE ${guard.sql}
       ON CONFLICT (project_id, ${grain.time}, name, op, environment, release) DO UPDATE SET
         count = count + excluded.count,
         failures = failures + excluded.failures,
         apdex_satisfied = apdex_satisfied + excluded.apdex_satisfied,
         apdex_tolerated = apdex_tolerated + excluded.apdex_tolerated,
         duration_sum = duration_sum + excluded.duration_sum,
         ${SKETCH_METRICS.map((metric) => `${metric} = ${MERGE_SKETCH(table, metric)}`).join(',\n')},
         vital_tallies = ${MERGE_JSON(table, 'vital_tallies')},
         span_ops = ${MERGE_JSON(table, 'span_ops')}`,
    )
    .bind(
      row.projectId,
      time,
      row.name,
      row.op,
      row.environment,
      row.release,
      row.count,
      row.failures,
      row.apdexSatisfied,
      row.apdexTolerated,
      row.durationSum,
      ...SKETCH_METRICS.map((metric) => {
        const sketch = row.sketches[metric];
        return sketch ? JSON.stringify(sketch) : EMPTY_SKETCH;
      }),
      JSON.stringify(row.vitalTallies),
      JSON.stringify(row.spanOps),
      ...guard.binds,
    );
}

/**
 * Adds one aggregate row to its stored hour and to its day's rollup. Runs in
 * the batch before the transactions' own inserts and only when none of its
 * transactions is stored yet, so an SDK resending a transaction does not count
 * it twice.
 */
export function aggregateStatements(
  db: D1Database,
  row: TransactionAggregate,
): D1PreparedStatement[] {
  const guard = noneStored(row);
  return [
    upsertStatement(db, HOURLY, row, row.hour, guard),
    upsertStatement(db, DAILY, row, Math.floor(row.hour / DAY) * DAY, guard),
  ];
}

/**
 * Adds the change a late update makes to a stored transaction's hour and day
 * (see `aggregateChange`), only while that transaction's stored segment is still
 * the one the change was computed from (`segmentGzip`): it runs in the batch
 * before the segment's own update, so a redelivered or concurrent update adds
 * nothing twice.
 */
export function aggregateChangeStatements(
  db: D1Database,
  change: TransactionAggregate,
  stored: { eventId: string; segmentGzip: ArrayBuffer | null },
): D1PreparedStatement[] {
  const guard = {
    sql: `EXISTS (SELECT 1 FROM transactions WHERE project_id = ? AND event_id = ?
         AND segment_gzip IS ?)`,
    binds: [change.projectId, stored.eventId, stored.segmentGzip],
  };
  return [
    upsertStatement(db, HOURLY, change, change.hour, guard),
    upsertStatement(db, DAILY, change, Math.floor(change.hour / DAY) * DAY, guard),
  ];
}

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

/**
 * Deletes up to `limit` hourly aggregate rows of hours before `beforeHour`
 * (seconds) and returns how many; the daily rollups stay. One range read per
 * project on the primary key (project_id, hour, …).
 */
export async function deleteHourlyAggregatesBefore(
  db: D1Database,
  beforeHour: number,
  limit: number,
): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM transaction_aggregates WHERE rowid IN (
         SELECT a.rowid FROM projects p CROSS JOIN transaction_aggregates a
           ON a.project_id = p.id AND a.hour < ?1
         LIMIT ?2)`,
    )
    .bind(beforeHour, limit)
    .run();
  return result.meta.changes;
}
