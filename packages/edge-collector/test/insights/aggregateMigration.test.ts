import { applyD1Migrations, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  addToSketch,
  bucketIndex,
  emptySketch,
  type Sketch,
} from '../../src/insights/quantileSketch';
import { selectAggregateGroups } from '../../src/store/transactionAggregateReads';
import { SKETCH_METRICS, type SketchMetric } from '../../src/types/TransactionAggregate';
import { logNormal, seededRandom } from './seededRandom';

// Migration 0120 converts stored aggregates in place: each `metric:bucket` key of the
// old JSON sketches becomes a bucket of that metric's dense sketch, the tallies split,
// and the daily rollups are built from the hours. Rows written in the old format by
// the migrations before it must read back as the same sketches the code builds now.

const DAY = 86_400;
const FIRST_HOUR = 1_780_027_200; // 04:00 UTC: the rows span two days

interface OldRow {
  hour: number;
  name: string;
  values: Partial<Record<SketchMetric, number[]>>;
  tallies: Record<string, number>;
}

function oldRows(): OldRow[] {
  const random = seededRandom(110);
  return Array.from({ length: 30 }, (_, i) => ({
    hour: FIRST_HOUR + i * 3600,
    name: i % 2 ? '/a' : '/b',
    values: {
      duration: Array.from({ length: 20 }, () => logNormal(random, 300, 1)),
      lcp: Array.from({ length: i % 3 }, () => logNormal(random, 2000, 0.5)),
      // CLS 0 goes to the zero bucket.
      cls: Array.from({ length: 5 }, () => (random() < 0.4 ? 0 : logNormal(random, 0.05, 1))),
    },
    tallies: { 'lcp.good': i, 'lcp.score': i / 2, 'ops.db': 10 * i },
  }));
}

/** The sketch format before 0120: one JSON object, `metric:bucket` → count (`z`: zero bucket). */
function oldSketches(row: OldRow): string {
  const sketches: Record<string, number> = {};
  for (const [metric, values] of Object.entries(row.values)) {
    for (const value of values) {
      const key = `${metric}:${bucketIndex(value) ?? 'z'}`;
      sketches[key] = (sketches[key] ?? 0) + 1;
    }
  }
  return JSON.stringify(sketches);
}

function sketchOf(values: number[]): Sketch {
  const sketch = emptySketch();
  for (const value of values) addToSketch(sketch, value);
  return sketch;
}

describe('migration 0120 (compact aggregates and daily rollups)', () => {
  it('converts hourly rows in place and builds the daily rollups from them', async () => {
    const db = env.MIGRATION_DB;
    const before = env.TEST_MIGRATIONS.filter((migration) => migration.name < '0120');
    await applyD1Migrations(db, before);
    await db.prepare("INSERT INTO projects (id, name, created_at) VALUES (1, 'migrated', 0)").run();
    const rows = oldRows();
    await db.batch(
      rows.map((row) =>
        db
          .prepare(
            `INSERT INTO transaction_aggregates (project_id, hour, name, op, environment, release,
               count, failures, apdex_satisfied, apdex_tolerated, duration_sum, sketches, tallies)
             VALUES (1, ?, ?, 'pageload', 'production', 'r1', 20, 1, 15, 3, 6000, ?, ?)`,
          )
          .bind(row.hour, row.name, oldSketches(row), JSON.stringify(row.tallies)),
      ),
    );
    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    const read = { sketches: SKETCH_METRICS, vitalTallies: true, spanOps: true };
    const expectPeriod = async (startHour: number, endHour: number) => {
      const groups = await selectAggregateGroups(db, { projectId: 1, startHour, endHour }, read);
      const inPeriod = rows.filter((row) => row.hour >= startHour && row.hour < endHour);
      for (const name of ['/a', '/b']) {
        const mine = inPeriod.filter((row) => row.name === name);
        const group = groups.find((g) => g.group === name);
        expect(group?.count).toBe(20 * mine.length);
        for (const metric of ['duration', 'lcp', 'cls'] as const) {
          const values = mine.flatMap((row) => row.values[metric] ?? []);
          expect(group?.sketches[metric] ?? emptySketch()).toEqual(sketchOf(values));
        }
        expect(group?.vitalTallies['lcp.good']).toBe(
          mine.reduce((sum, row) => sum + Number(row.tallies['lcp.good']), 0),
        );
        expect(group?.spanOps.db).toBe(
          mine.reduce((sum, row) => sum + Number(row.tallies['ops.db']), 0),
        );
        expect(group?.sketches.inp).toBeUndefined();
      }
    };
    const firstDay = Math.ceil(FIRST_HOUR / DAY) * DAY;
    // Hours only, then a whole day from the rollups with the hours around it.
    await expectPeriod(FIRST_HOUR, FIRST_HOUR + 10 * 3600);
    await expectPeriod(FIRST_HOUR, firstDay + DAY);
    const { results } = await db
      .prepare('SELECT count(*) AS n FROM transaction_aggregates_daily')
      .all<{ n: number }>();
    expect(results[0]?.n).toBe(4);
  });
});
