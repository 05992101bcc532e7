import type { IRequest } from 'itty-router';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { addAggregate, emptyAggregate } from '../insights/addAggregate';
import { type PerformanceFigures, performanceFigures } from '../insights/performanceFigures';
import { WEB_VITALS, type WebVital } from '../insights/webVitals';
import { selectErrorCountsByTransaction, selectSlowestTransactions } from '../store/eventIndex';
import { selectProject } from '../store/projects';
import { type AggregateGroup, selectAggregateGroups } from '../store/transactionAggregateReads';
import { SKETCH_METRICS } from '../types/TransactionAggregate';
import { type PerformanceSort, parsePerformanceQuery } from './parsePerformanceQuery';

type ListRow = Omit<PerformanceFigures, 'scoredCount'> & {
  name: string;
  op: string;
  tpm: number;
  errors: number;
  opportunity: number;
};

/**
 * Runs the reads of a project's answer beside the check that the project
 * exists (one round of D1 queries instead of two), then 404s if it does not.
 */
async function withProject<T>(env: Env, projectId: number, reads: Promise<T>): Promise<T> {
  const [project, result] = await Promise.all([selectProject(env.DB, projectId), reads]);
  if (!project) throw new ClientError(404, 'no such project');
  return result;
}

/** Larger first; nulls last. */
function sortValue(row: ListRow, sort: PerformanceSort): number {
  const value = (WEB_VITALS as readonly string[]).includes(sort)
    ? row.vitals[sort as WebVital].p75
    : row[sort as 'p95' | 'p75' | 'count' | 'opportunity'];
  return value ?? Number.NEGATIVE_INFINITY;
}

/**
 * `GET /api/0/projects/:projectId/performance/` → one row per transaction name
 * (and op) over the period, all from the hourly aggregates. `opportunity` is how
 * many points the listed pages' traffic-weighted score would gain were this
 * page perfect: (100 − score) × its scored transactions ÷ all scored ones.
 */
export async function performanceListRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  const db = await projectDatabase(env, projectId);
  const query = parsePerformanceQuery(new URL(request.url), projectId, Date.now());
  const [groups, errors] = await withProject(
    env,
    projectId,
    Promise.all([
      selectAggregateGroups(db, query.filter, { sketches: SKETCH_METRICS, vitalTallies: true }),
      selectErrorCountsByTransaction(db, projectId, query.start, query.end),
    ]),
  );
  const minutes = (query.end - query.start) / 60_000;
  const figures = groups.map((group) => ({ group, figures: performanceFigures(group) }));
  const totalScored = figures.reduce(
    (sum, { figures: f }) => sum + (f.score === null ? 0 : f.scoredCount),
    0,
  );
  const rows: ListRow[] = figures.map(({ group, figures: { scoredCount, ...f } }) => ({
    name: group.group,
    op: group.op,
    ...f,
    tpm: f.count / minutes,
    errors: errors.get(group.group) ?? 0,
    opportunity:
      f.score === null || totalScored === 0 ? 0 : ((100 - f.score) * scoredCount) / totalScored,
  }));
  rows.sort(
    (a, b) => sortValue(b, query.sort) - sortValue(a, query.sort) || a.name.localeCompare(b.name),
  );
  return json(rows);
}

/**
 * `GET /api/0/projects/:projectId/performance/summary/?transaction=` → the
 * transaction's figures over the period, a series (hourly, daily past 7 days,
 * empty steps included), its slowest stored samples and the span-op breakdown.
 * One read of the series' points; the period's totals are their sum.
 */
export async function performanceSummaryRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  const db = await projectDatabase(env, projectId);
  const url = new URL(request.url);
  const name = url.searchParams.get('transaction');
  if (!name) throw new ClientError(400, 'transaction is required');
  const query = parsePerformanceQuery(url, projectId, Date.now());
  const filter = { ...query.filter, name };
  const step = query.end - query.start > 7 * 86_400_000 ? 86_400 : 3600;
  const [points, slowest] = await withProject(
    env,
    projectId,
    Promise.all([
      selectAggregateGroups(db, filter, {
        sketches: SKETCH_METRICS,
        vitalTallies: true,
        spanOps: true,
        stepSeconds: step,
      }),
      selectSlowestTransactions(db, projectId, name, query.start, query.end),
    ]),
  );
  const total = emptyAggregate();
  const byStep = new Map<number, AggregateGroup>();
  const opCounts = new Map<string, number>();
  for (const point of points) {
    addAggregate(total, point);
    opCounts.set(point.op, (opCounts.get(point.op) ?? 0) + point.count);
    const t = Number(point.group);
    const same = byStep.get(t);
    if (same) addAggregate(same, point);
    else byStep.set(t, point);
  }
  const series = [];
  for (let t = Math.floor(query.start / 1000 / step) * step; t < query.end / 1000; t += step) {
    const point = byStep.get(t);
    const f = point ? performanceFigures(point) : null;
    series.push({
      t,
      count: f?.count ?? 0,
      p50: f?.p50 ?? null,
      p75: f?.p75 ?? null,
      p95: f?.p95 ?? null,
      vitals: Object.fromEntries(WEB_VITALS.map((vital) => [vital, f?.vitals[vital].p75 ?? null])),
    });
  }
  const spanOps: Record<string, { ms: number; share: number }> = {};
  for (const [category, ms] of Object.entries(total.spanOps)) {
    spanOps[category] = { ms, share: total.durationSum > 0 ? ms / total.durationSum : 0 };
  }
  // The op most of the name's transactions have (a name nearly always has one).
  const op = [...opCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const { scoredCount: _, ...figures } =
    points.length > 0
      ? performanceFigures({ group: name, op: op ?? '', ...total })
      : { scoredCount: 0 };
  return json({ name, op, ...figures, series, slowest, spanOps });
}
