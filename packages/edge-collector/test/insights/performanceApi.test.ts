import { beforeAll, describe, expect, it } from 'vitest';
import { RELATIVE_ACCURACY } from '../../src/insights/quantileSketch';
import { rateVital, scoreVital, WEB_VITALS, type WebVital } from '../../src/insights/webVitals';
import {
  admin,
  type CreatedProject,
  call,
  createProject,
  envelope,
  sendEnvelope,
  updateSettings,
} from '../helpers';
import { exactQuantile } from './seededRandom';
import {
  BASE_HOUR,
  generateTransactions,
  type SeededTransaction,
  sendTransactions,
  transactionEvent,
} from './seedTransactions';

interface VitalRow {
  p75: number | null;
  rating: string | null;
  good: number;
  needsImprovement: number;
  poor: number;
}

interface PerformanceRow {
  name: string;
  op: string;
  count: number;
  tpm: number;
  p50: number;
  p75: number;
  p95: number;
  failureRate: number;
  apdex: number;
  score: number | null;
  errors: number;
  opportunity: number;
  vitals: Record<WebVital, VitalRow>;
}

const WEIGHTS: Record<WebVital, number> = { lcp: 30, inp: 30, cls: 15, fcp: 15, ttfb: 10 };
const RANGE = `start=${BASE_HOUR}&end=${BASE_HOUR + 7200}`;

function expectClose(estimate: number | null, exact: number): void {
  expect(estimate).not.toBeNull();
  expect(Math.abs((estimate as number) - exact) / exact).toBeLessThanOrEqual(
    RELATIVE_ACCURACY + 1e-9,
  );
}

/** The score of a page from its transactions, computed from each value (Sentry's method). */
function exactScore(transactions: SeededTransaction[]): { score: number | null; scored: number } {
  let weighted = 0;
  let weights = 0;
  let scored = 0;
  for (const vital of WEB_VITALS) {
    const values = transactions.flatMap((t) =>
      t.vitals[vital] === undefined ? [] : [t.vitals[vital]],
    );
    if (values.length === 0) continue;
    scored = Math.max(scored, values.length);
    weighted +=
      WEIGHTS[vital] * (values.reduce((sum, v) => sum + scoreVital(vital, v), 0) / values.length);
    weights += WEIGHTS[vital];
  }
  return { score: weights ? (100 * weighted) / weights : null, scored };
}

function list(project: CreatedProject, query = ''): Promise<PerformanceRow[]> {
  return admin<PerformanceRow[]>(`/api/0/projects/${project.id}/performance/?${RANGE}${query}`);
}

describe('performance API', { timeout: 60_000 }, () => {
  let project: CreatedProject;
  const transactions = generateTransactions(2026, 240);
  const erroredTraces = transactions.filter((t) => t.name === '/checkout').slice(0, 3);

  beforeAll(async () => {
    project = await createProject('perf');
    await updateSettings(project, { rateLimitPerMinute: 0, apdexThresholdMs: 400 });
    await sendTransactions(project, transactions);
    // Two errors in one checkout trace, one in another.
    const errors = [erroredTraces[0], erroredTraces[0], erroredTraces[1]];
    for (const [index, trace] of errors.entries()) {
      const eventId = `e${String(index).padStart(31, '0')}`;
      const response = await sendEnvelope(
        project,
        envelope({ event_id: eventId }, [
          { type: 'event' },
          {
            event_id: eventId,
            message: `perf error ${index}`,
            level: 'error',
            timestamp: trace?.start,
            contexts: { trace: { trace_id: trace?.traceId, span_id: '1234567890abcdef' } },
          },
        ]),
      );
      expect(response.status).toBe(200);
    }
  }, 120_000);

  it('lists each transaction name with exact counts, failure rate and Apdex, and percentiles within 1 %', async () => {
    const rows = await list(project);
    expect(rows.map((row) => row.name).sort()).toEqual(['/checkout', '/home', 'GET /api/orders']);
    for (const row of rows) {
      const mine = transactions.filter((t) => t.name === row.name);
      const durations = mine.map((t) => t.durationMs);
      expect(row.op).toBe(mine[0]?.op);
      expect(row.count).toBe(mine.length);
      expect(row.tpm).toBeCloseTo(mine.length / 120, 10);
      expect(row.failureRate).toBeCloseTo(
        mine.filter((t) => t.status !== 'ok').length / mine.length,
        10,
      );
      const satisfied = durations.filter((d) => d <= 400).length;
      const tolerated = durations.filter((d) => d > 400 && d <= 1600).length;
      expect(row.apdex).toBeCloseTo((satisfied + tolerated / 2) / mine.length, 10);
      expectClose(row.p50, exactQuantile(durations, 0.5));
      expectClose(row.p75, exactQuantile(durations, 0.75));
      expectClose(row.p95, exactQuantile(durations, 0.95));
    }
  });

  it('gives each vital its p75, rating and good / needs-improvement / poor shares, and the page its score', async () => {
    const rows = await list(project);
    for (const row of rows) {
      const mine = transactions.filter((t) => t.name === row.name);
      for (const vital of WEB_VITALS) {
        const values = mine.flatMap((t) =>
          t.vitals[vital] === undefined ? [] : [t.vitals[vital]],
        );
        const figures = row.vitals[vital];
        if (values.length === 0) {
          expect(figures).toMatchObject({ p75: null, rating: null, good: 0, poor: 0 });
          continue;
        }
        const exact = exactQuantile(values, 0.75);
        expectClose(figures.p75, exact);
        expect(figures.rating).toBe(rateVital(vital, exact));
        const share = (rating: string) =>
          values.filter((v) => rateVital(vital, v) === rating).length / values.length;
        expect(figures.good).toBeCloseTo(share('good'), 10);
        expect(figures.needsImprovement).toBeCloseTo(share('needs-improvement'), 10);
        expect(figures.poor).toBeCloseTo(share('poor'), 10);
      }
      const { score } = exactScore(mine);
      if (score === null) expect(row.score).toBeNull();
      else expect(row.score).toBeCloseTo(score, 6);
    }
    const checkout = rows.find((row) => row.name === '/checkout');
    expect(checkout?.score).toBeGreaterThan(0);
    expect(rows.find((row) => row.name === 'GET /api/orders')?.score).toBeNull();
  });

  it("weighs each page's opportunity by its share of scored page loads", async () => {
    const rows = await list(project, '&sort=opportunity');
    const pages = ['/checkout', '/home'].map((name) => ({
      name,
      ...exactScore(transactions.filter((t) => t.name === name)),
    }));
    const total = pages.reduce((sum, page) => sum + page.scored, 0);
    for (const page of pages) {
      const row = rows.find((r) => r.name === page.name);
      expect(row?.opportunity).toBeCloseTo(
        ((100 - (page.score as number)) * page.scored) / total,
        6,
      );
    }
    expect(rows[0]?.opportunity).toBeGreaterThanOrEqual(rows[1]?.opportunity ?? 0);
  });

  it('counts the error events that share a trace with each transaction name', async () => {
    const rows = await list(project);
    expect(rows.find((row) => row.name === '/checkout')?.errors).toBe(3);
    expect(rows.find((row) => row.name === '/home')?.errors).toBe(0);
  });

  it('filters by environment, release, op and name, and sorts slowest first', async () => {
    const rows = await list(
      project,
      '&environment=staging&release=shop@1.1.0&op=pageload&query=CHECK',
    );
    const mine = transactions.filter(
      (t) => t.name === '/checkout' && t.environment === 'staging' && t.release === 'shop@1.1.0',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.count).toBe(mine.length);
    expectClose(
      rows[0]?.p95 ?? null,
      exactQuantile(
        mine.map((t) => t.durationMs),
        0.95,
      ),
    );

    const byP95 = await list(project, '&sort=p95');
    expect(byP95.map((row) => row.p95)).toEqual(
      [...byP95.map((row) => row.p95)].sort((a, b) => b - a),
    );
    const byLcp = await list(project, '&sort=lcp');
    expect(byLcp[2]?.name).toBe('GET /api/orders');
    expect(byLcp[0]?.vitals.lcp.p75).toBeGreaterThan(byLcp[1]?.vitals.lcp.p75 ?? 0);
  });

  it('does not count a resent transaction twice', async () => {
    const before = await list(project);
    const again = transactions[0] as SeededTransaction;
    const response = await sendEnvelope(
      project,
      envelope({ event_id: again.eventId }, [{ type: 'transaction' }, transactionEvent(again)]),
    );
    expect(response.status).toBe(200);
    expect(await list(project)).toEqual(before);
  });

  it('summarizes one transaction as an hourly series with its slowest samples and span-op breakdown', async () => {
    const name = 'GET /api/orders';
    const summary = await admin<{
      count: number;
      series: { t: number; count: number; p75: number | null }[];
      slowest: { eventId: string }[];
      spanOps: Record<string, { ms: number; share: number }>;
    }>(
      `/api/0/projects/${project.id}/performance/summary/?transaction=${encodeURIComponent(name)}&${RANGE}`,
    );
    const mine = transactions.filter((t) => t.name === name);
    expect(summary.count).toBe(mine.length);
    expect(summary.series.map((point) => point.t)).toEqual([BASE_HOUR, BASE_HOUR + 3600]);
    for (const point of summary.series) {
      const inHour = mine.filter(
        (t) => Math.floor((t.start + t.durationMs / 1000) / 3600) * 3600 === point.t,
      );
      expect(point.count).toBe(inHour.length);
      expectClose(
        point.p75,
        exactQuantile(
          inHour.map((t) => t.durationMs),
          0.75,
        ),
      );
    }
    const slowest = [...mine].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5);
    expect(summary.slowest.map((sample) => sample.eventId)).toEqual(slowest.map((t) => t.eventId));
    const dbMs = mine.reduce((sum, t) => sum + t.dbMs, 0);
    const totalMs = mine.reduce((sum, t) => sum + t.durationMs, 0);
    expect(summary.spanOps.db?.ms).toBeCloseTo(dbMs, 1);
    expect(summary.spanOps.db?.share).toBeCloseTo(dbMs / totalMs, 4);
  });

  it('answers a bad period, sort or missing transaction with a 400 and its reason', async () => {
    const headers = { Authorization: 'Bearer test-admin-token' };
    for (const query of ['period=2d', 'sort=slowness', 'start=10']) {
      const response = await call(`/api/0/projects/${project.id}/performance/?${query}`, {
        headers,
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/period|sort|start/);
    }
    const summary = await call(`/api/0/projects/${project.id}/performance/summary/`, { headers });
    expect(summary.status).toBe(400);
    for (const path of ['performance/', 'performance/summary/?transaction=%2Fhome']) {
      const missing = await call(`/api/0/projects/999999/${path}`, { headers });
      expect(missing.status).toBe(404);
      expect(await missing.text()).toMatch(/no such project/);
    }
  });
});
