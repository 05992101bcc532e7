// SQL that writes the performance aggregates at ingest (see migrations 0085 and 0120):
// hourly rows (transaction_aggregates) and daily rollups of the same rows
// (transaction_aggregates_daily). store/transactionAggregateReads.ts reads them.

import { SKETCH_METRICS, type TransactionAggregate } from '../types/TransactionAggregate';
import { DAILY, DAY, EMPTY_SKETCH, type Grain, HOURLY } from './aggregateTables';

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
