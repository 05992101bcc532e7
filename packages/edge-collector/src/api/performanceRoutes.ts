import type { IRequest } from 'itty-router';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { type PerformanceFigures, performanceFigures } from '../insights/performanceFigures';
import { WEB_VITALS, type WebVital } from '../insights/webVitals';
import { selectErrorCountsByTransaction, selectSlowestTransactions } from '../store/eventIndex';
import { selectProject } from '../store/projects';
import { selectAggregateGroups } from '../store/transactionAggregates';
import { type PerformanceSort, parsePerformanceQuery } from './parsePerformanceQuery';

type ListRow = Omit<PerformanceFigures, 'scoredCount'> & {
  name: string;
  op: string;
  tpm: number;
  errors: number;
  opportunity: number;
};

async function requireProject(env: Env, id: string | undefined): Promise<number> {
  const projectId = parseId(id, 'project');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  return projectId;
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
  const projectId = await requireProject(env, request.params.projectId);
  const db = await projectDatabase(env, projectId);
  const query = parsePerformanceQuery(new URL(request.url), projectId, Date.now());
  const [groups, errors] = await Promise.all([
    selectAggregateGroups(db, query.filter),
    selectErrorCountsByTransaction(db, projectId, query.start, query.end),
  ]);
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
 */
export async function performanceSummaryRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = await requireProject(env, request.params.projectId);
  const db = await projectDatabase(env, projectId);
  const url = new URL(request.url);
  const name = url.searchParams.get('transaction');
  if (!name) throw new ClientError(400, 'transaction is required');
  const query = parsePerformanceQuery(url, projectId, Date.now());
  const filter = { ...query.filter, name };
  const step = query.end - query.start > 7 * 86_400_000 ? 86_400 : 3600;
  const [totals, points, slowest] = await Promise.all([
    selectAggregateGroups(db, filter),
    selectAggregateGroups(db, filter, step),
    selectSlowestTransactions(db, projectId, name, query.start, query.end),
  ]);
  const byStep = new Map(points.map((point) => [Number(point.group), point]));
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
  const total = totals[0];
  const spanOps: Record<string, { ms: number; share: number }> = {};
  for (const [key, ms] of Object.entries(total?.tallies ?? {})) {
    if (!key.startsWith('ops.') || !total) continue;
    spanOps[key.slice(4)] = { ms, share: total.durationSum > 0 ? ms / total.durationSum : 0 };
  }
  const { scoredCount: _, ...figures } = total ? performanceFigures(total) : { scoredCount: 0 };
  return json({ name, op: total?.op ?? null, ...figures, series, slowest, spanOps });
}
