import { beforeAll, describe, expect, it } from 'vitest';
import { RELATIVE_ACCURACY } from '../../src/insights/quantileSketch';
import { rateVital } from '../../src/insights/webVitals';
import { admin, type CreatedProject, createProject, updateSettings } from '../helpers';
import { exactQuantile } from './seededRandom';
import { generateTransactions, type SeededTransaction, sendTransactions } from './seedTransactions';

// Periods with whole UTC days are read from the daily rollups plus the hours at
// their edges; these check those answers against figures computed exactly from
// the transactions, with transactions ending exactly on and just before a midnight.

const DAY = 86_400;
/** A UTC midnight six days back: the data spans it and the two days after. */
const DAY0 = Math.floor(Date.now() / 1000 / DAY) * DAY - 6 * DAY;

/** The hour (seconds) a transaction is counted in: the hour it ended in. */
const hourOf = (t: SeededTransaction) => Math.floor((t.start + t.durationMs / 1000) / 3600) * 3600;

/** 300 transactions ending from 5 h before DAY0 to 5 h after DAY0 + 2 days, and four on the edges. */
function daysOfTransactions(): SeededTransaction[] {
  const spread = (DAY * 2 + 10 * 3600) / 300;
  const spreadOut = generateTransactions(4242, 300).map((t, index) => ({
    ...t,
    start: DAY0 - 5 * 3600 + index * spread + 0.25,
  }));
  const [onMidnight, beforeMidnight, onLastMidnight, beforeLastMidnight] = generateTransactions(
    77,
    4,
  ).map((t) => ({ ...t, name: '/checkout', op: 'pageload', durationMs: 500 }));
  return [
    ...spreadOut,
    { ...(onMidnight as SeededTransaction), start: DAY0 - 0.5 },
    { ...(beforeMidnight as SeededTransaction), start: DAY0 - 0.75 },
    { ...(onLastMidnight as SeededTransaction), start: DAY0 + 2 * DAY - 0.5 },
    { ...(beforeLastMidnight as SeededTransaction), start: DAY0 + 2 * DAY - 0.75 },
  ];
}

function expectClose(estimate: number | null | undefined, exact: number): void {
  expect(estimate).not.toBeNull();
  expect(Math.abs((estimate as number) - exact) / exact).toBeLessThanOrEqual(
    RELATIVE_ACCURACY + 1e-9,
  );
}

interface Row {
  name: string;
  count: number;
  p50: number;
  p95: number;
  failureRate: number;
  apdex: number;
  vitals: Record<string, { p75: number | null; good: number }>;
}

describe('performance figures served from daily rollups', { timeout: 60_000 }, () => {
  let project: CreatedProject;
  const transactions = daysOfTransactions();

  beforeAll(async () => {
    project = await createProject('perf-days');
    await updateSettings(project, { rateLimitPerMinute: 0 });
    await sendTransactions(project, transactions);
  }, 120_000);

  /** Checks a list answer against the transactions ending in [start, end). */
  function expectList(rows: Row[], start: number, end: number): void {
    const inPeriod = transactions.filter((t) => hourOf(t) >= start && hourOf(t) < end);
    const names = [...new Set(inPeriod.map((t) => t.name))].sort();
    expect(rows.map((row) => row.name).sort()).toEqual(names);
    for (const row of rows) {
      const mine = inPeriod.filter((t) => t.name === row.name);
      const durations = mine.map((t) => t.durationMs);
      expect(row.count).toBe(mine.length);
      expect(row.failureRate).toBeCloseTo(
        mine.filter((t) => t.status !== 'ok').length / mine.length,
        10,
      );
      const satisfied = durations.filter((d) => d <= 300).length;
      const tolerated = durations.filter((d) => d > 300 && d <= 1200).length;
      expect(row.apdex).toBeCloseTo((satisfied + tolerated / 2) / mine.length, 10);
      expectClose(row.p50, exactQuantile(durations, 0.5));
      expectClose(row.p95, exactQuantile(durations, 0.95));
      const lcps = mine.flatMap((t) => (t.vitals.lcp === undefined ? [] : [t.vitals.lcp]));
      if (lcps.length === 0) continue;
      expectClose(row.vitals.lcp?.p75, exactQuantile(lcps, 0.75));
      expect(row.vitals.lcp?.good).toBeCloseTo(
        lcps.filter((v) => rateVital('lcp', v) === 'good').length / lcps.length,
        10,
      );
    }
  }

  it('lists two whole days and the hours at both edges, midnights counted on the right side', async () => {
    for (const [start, end] of [
      [DAY0 - 3 * 3600, DAY0 + 2 * DAY + 3 * 3600],
      // The edge hours are exactly those holding the transactions just before each midnight.
      [DAY0 - 3600, DAY0 + 2 * DAY],
      [DAY0, DAY0 + 2 * DAY + 3600],
      // Whole days only.
      [DAY0, DAY0 + DAY],
    ] as const) {
      const rows = await admin<Row[]>(
        `/api/0/projects/${project.id}/performance/?start=${start}&end=${end}`,
      );
      expectList(rows, start, end);
    }
  });

  it('gives the same figures for a period whichever rows serve it', async () => {
    // 23 h (hours only) against the same hours plus a whole day (days and hours):
    // the difference is exactly the day's transactions.
    const hoursOnly = await admin<Row[]>(
      `/api/0/projects/${project.id}/performance/?start=${DAY0 + DAY}&end=${DAY0 + 2 * DAY - 3600}`,
    );
    const withDay = await admin<Row[]>(
      `/api/0/projects/${project.id}/performance/?start=${DAY0}&end=${DAY0 + 2 * DAY - 3600}`,
    );
    const dayCount = transactions.filter((t) => hourOf(t) >= DAY0 && hourOf(t) < DAY0 + DAY).length;
    const total = (rows: Row[]) => rows.reduce((sum, row) => sum + row.count, 0);
    expect(total(withDay) - total(hoursOnly)).toBe(dayCount);
    expectList(withDay, DAY0, DAY0 + 2 * DAY - 3600);
  });

  it('summarizes a period past 7 days as daily points, edge days partial', async () => {
    const name = '/checkout';
    const start = DAY0 - 5 * DAY - 3 * 3600;
    const end = DAY0 + 2 * DAY + 3 * 3600;
    const summary = await admin<{
      count: number;
      op: string;
      p75: number;
      series: { t: number; count: number; p75: number | null }[];
    }>(
      `/api/0/projects/${project.id}/performance/summary/?transaction=${encodeURIComponent(name)}&start=${start}&end=${end}`,
    );
    const mine = transactions.filter(
      (t) => t.name === name && hourOf(t) >= start && hourOf(t) < end,
    );
    expect(summary.count).toBe(mine.length);
    expect(summary.op).toBe('pageload');
    expectClose(
      summary.p75,
      exactQuantile(
        mine.map((t) => t.durationMs),
        0.75,
      ),
    );
    const firstDay = Math.floor(start / DAY) * DAY;
    expect(summary.series.map((point) => point.t)).toEqual(
      Array.from({ length: 9 }, (_, i) => firstDay + i * DAY),
    );
    for (const point of summary.series) {
      const inDay = mine.filter((t) => Math.floor(hourOf(t) / DAY) * DAY === point.t);
      expect(point.count).toBe(inDay.length);
      if (inDay.length === 0) expect(point.p75).toBeNull();
      else
        expectClose(
          point.p75,
          exactQuantile(
            inDay.map((t) => t.durationMs),
            0.75,
          ),
        );
    }
  });
});
