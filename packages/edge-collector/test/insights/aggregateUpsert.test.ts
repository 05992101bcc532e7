import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { addToSketch, emptySketch, type Sketch } from '../../src/insights/quantileSketch';
import { selectAggregateGroups } from '../../src/store/transactionAggregateReads';
import { aggregateStatements } from '../../src/store/transactionAggregates';
import type { TransactionAggregate } from '../../src/types/TransactionAggregate';
import { createProject } from '../helpers';
import { logNormal, seededRandom } from './seededRandom';

// The ingest upsert adds dense sketches in SQL (a pass over the stored array when the
// new buckets lie within it, a merge of cells otherwise); what it stores must be
// exactly the sketch of all the values added, in the hourly row and in the day's.

const HOUR = 1_780_020_000 - (1_780_020_000 % 3600);

function sketchOf(values: number[]): Sketch {
  const sketch = emptySketch();
  for (const value of values) addToSketch(sketch, value);
  return sketch;
}

describe('aggregate upserts', () => {
  it('store the sketch of every value added, whatever ranges the batches cover', async () => {
    const projectId = Number((await createProject('upserts')).id);
    const random = seededRandom(31);
    const all: Record<'duration' | 'cls' | 'lcp', number[]> = { duration: [], cls: [], lcp: [] };
    // Narrow and wide batches, below, inside and above what is stored, zeros, empty sides.
    const batches = [
      { median: 300, sigma: 0.1, n: 3 },
      { median: 300, sigma: 0.05, n: 2 },
      { median: 20, sigma: 0.2, n: 2 },
      { median: 5000, sigma: 0.3, n: 4 },
      { median: 300, sigma: 1.5, n: 30 },
      { median: 400, sigma: 0.01, n: 1 },
      { median: 80_000, sigma: 0.1, n: 1 },
    ];
    for (const [index, batch] of batches.entries()) {
      const duration = Array.from({ length: batch.n }, () =>
        logNormal(random, batch.median, batch.sigma),
      );
      const cls = index % 2 ? [0, logNormal(random, 0.05, 1)] : [];
      const lcp = index === 3 ? [] : duration.map((d) => d * 2);
      all.duration.push(...duration);
      all.cls.push(...cls);
      all.lcp.push(...lcp);
      const row: TransactionAggregate = {
        projectId,
        hour: HOUR,
        name: '/merged',
        op: 'pageload',
        environment: '',
        release: '',
        count: batch.n,
        failures: 0,
        apdexSatisfied: 0,
        apdexTolerated: 0,
        durationSum: 0,
        sketches: {
          duration: sketchOf(duration),
          ...(cls.length ? { cls: sketchOf(cls) } : {}),
          ...(lcp.length ? { lcp: sketchOf(lcp) } : {}),
        },
        vitalTallies: {},
        spanOps: {},
        eventIds: [`${index}`.padStart(32, '0')],
      };
      await env.DB.batch(aggregateStatements(env.DB, row));
    }
    const read = { sketches: ['duration', 'cls', 'lcp', 'inp'] as const };
    // Hours only, then the whole day from the daily rollup.
    const day = HOUR - (HOUR % 86_400);
    for (const [startHour, endHour] of [
      [HOUR, HOUR + 3600],
      [day, day + 86_400],
    ] as const) {
      const [group] = await selectAggregateGroups(env.DB, { projectId, startHour, endHour }, read);
      expect(group?.count).toBe(all.duration.length);
      expect(group?.sketches.duration).toEqual(sketchOf(all.duration));
      expect(group?.sketches.cls).toEqual(sketchOf(all.cls));
      expect(group?.sketches.lcp).toEqual(sketchOf(all.lcp));
      expect(group?.sketches.inp).toBeUndefined();
    }
  });
});
