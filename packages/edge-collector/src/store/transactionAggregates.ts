// SQL for the performance aggregates (see migration 0085).

import type { TransactionAggregate } from '../types/TransactionAggregate';

/** `column` of the stored row plus the same column of the new one, key by key. */
const MERGE_JSON = (column: string) => `(SELECT json_group_object(key, total) FROM (
    SELECT key, sum(value) AS total FROM (
      SELECT key, value FROM json_each(transaction_aggregates.${column})
      UNION ALL SELECT key, value FROM json_each(excluded.${column}))
    GROUP BY key))`;

/** The columns an aggregate row writes, and how a row adds to the stored one. */
const UPSERT_COLUMNS = `INSERT INTO transaction_aggregates (project_id, hour, name, op, environment,
  release, count, failures, apdex_satisfied, apdex_tolerated, duration_sum, sketches, tallies)`;
const ADD_TO_STORED = `ON CONFLICT (project_id, hour, name, op, environment, release) DO UPDATE SET
  count = count + excluded.count,
  failures = failures + excluded.failures,
  apdex_satisfied = apdex_satisfied + excluded.apdex_satisfied,
  apdex_tolerated = apdex_tolerated + excluded.apdex_tolerated,
  duration_sum = duration_sum + excluded.duration_sum,
  sketches = ${MERGE_JSON('sketches')},
  tallies = ${MERGE_JSON('tallies')}`;

function rowBinds(row: TransactionAggregate): unknown[] {
  return [
    row.projectId,
    row.hour,
    row.name,
    row.op,
    row.environment,
    row.release,
    row.count,
    row.failures,
    row.apdexSatisfied,
    row.apdexTolerated,
    row.durationSum,
    JSON.stringify(row.sketches),
    JSON.stringify(row.tallies),
  ];
}

/**
 * Adds one aggregate row to the stored one. Runs in the batch before the
 * transactions' own inserts and only when none of its transactions is stored yet,
 * so an SDK resending a transaction does not count it twice.
 */
export function upsertAggregateStatement(
  db: D1Database,
  row: TransactionAggregate,
): D1PreparedStatement {
  return db
    .prepare(
      `${UPSERT_COLUMNS}
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM transactions WHERE project_id = ?
         AND event_id IN (SELECT value FROM json_each(?)))
       ${ADD_TO_STORED}`,
    )
    .bind(...rowBinds(row), row.projectId, JSON.stringify(row.eventIds));
}

/**
 * Adds the change a late update makes to a stored transaction's aggregate row
 * (see `aggregateChange`), only while that transaction's stored segment is still
 * the one the change was computed from (`segmentGzip`): it runs in the batch
 * before the segment's own update, so a redelivered or concurrent update adds nothing twice.
 */
export function addAggregateChangeStatement(
  db: D1Database,
  change: TransactionAggregate,
  stored: { eventId: string; segmentGzip: ArrayBuffer | null },
): D1PreparedStatement {
  return db
    .prepare(
      `${UPSERT_COLUMNS}
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
       WHERE EXISTS (SELECT 1 FROM transactions WHERE project_id = ? AND event_id = ?
         AND segment_gzip IS ?)
       ${ADD_TO_STORED}`,
    )
    .bind(...rowBinds(change), change.projectId, stored.eventId, stored.segmentGzip);
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

/** The WHERE clause of a filter and its binds, in order. */
function where(filter: AggregateFilter): { sql: string; binds: unknown[] } {
  return {
    sql: `a.project_id = ? AND a.hour >= ? AND a.hour < ?
      AND (? IS NULL OR a.environment = ?) AND (? IS NULL OR a.release = ?)
      AND (? IS NULL OR a.op = ?) AND (? IS NULL OR a.name = ?)
      AND (? IS NULL OR instr(lower(a.name), lower(?)) > 0)`,
    binds: [
      filter.projectId,
      filter.startHour,
      filter.endHour,
      ...[filter.environment, filter.release, filter.op, filter.name, filter.query].flatMap(
        (value) => [value ?? null, value ?? null],
      ),
    ],
  };
}

/** Sums of one group (a transaction name, or a point of a series). */
export interface AggregateGroup {
  /** The transaction name, or the series point's start (seconds) as a string. */
  group: string;
  op: string;
  count: number;
  failures: number;
  apdexSatisfied: number;
  apdexTolerated: number;
  durationSum: number;
  sketches: Record<string, number>;
  tallies: Record<string, number>;
}

interface AggregateRow {
  grp: string | number;
  op: string;
  count: number;
  failures: number;
  apdex_satisfied: number;
  apdex_tolerated: number;
  duration_sum: number;
  sketches: string;
  tallies: string;
}

function addInto(into: Record<string, number>, json: string): void {
  for (const [key, value] of Object.entries(JSON.parse(json) as Record<string, number>)) {
    into[key] = (into[key] ?? 0) + value;
  }
}

/**
 * Aggregates grouped by transaction name and op (`stepSeconds` absent) or by
 * time step for one name. One indexed read of the period's rows; their sketches
 * and tallies are merged here (JSON.parse and adding beat SQLite's json_each
 * and GROUP BY over every bucket by far).
 */
export async function selectAggregateGroups(
  db: D1Database,
  filter: AggregateFilter,
  stepSeconds?: number,
): Promise<AggregateGroup[]> {
  const { sql, binds } = where(filter);
  const group = stepSeconds ? '(CAST(a.hour / ? AS INTEGER) * ?)' : 'a.name';
  const groupBinds = stepSeconds ? [stepSeconds, stepSeconds] : [];
  const op = stepSeconds ? "''" : 'a.op';
  const { results } = await db
    .prepare(
      `SELECT ${group} AS grp, ${op} AS op, count, failures, apdex_satisfied, apdex_tolerated,
         duration_sum, sketches, tallies
       FROM transaction_aggregates a WHERE ${sql}`,
    )
    .bind(...groupBinds, ...binds)
    .all<AggregateRow>();
  const groups = new Map<string, AggregateGroup>();
  for (const row of results) {
    const id = `${row.grp}\u0000${row.op}`;
    let target = groups.get(id);
    if (!target) {
      target = {
        group: String(row.grp),
        op: row.op,
        count: 0,
        failures: 0,
        apdexSatisfied: 0,
        apdexTolerated: 0,
        durationSum: 0,
        sketches: {},
        tallies: {},
      };
      groups.set(id, target);
    }
    target.count += row.count;
    target.failures += row.failures;
    target.apdexSatisfied += row.apdex_satisfied;
    target.apdexTolerated += row.apdex_tolerated;
    target.durationSum += row.duration_sum;
    addInto(target.sketches, row.sketches);
    addInto(target.tallies, row.tallies);
  }
  return [...groups.values()];
}
