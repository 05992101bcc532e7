import type { IRequest } from 'itty-router';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { selectOutcomeTotals } from '../store/outcomes';
import { selectProject } from '../store/projects';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `since` as epoch milliseconds or an ISO date; 30 days ago by default. */
function parseSince(value: string | null, now: number): number {
  if (value === null || value === '') return now - 30 * DAY_MS;
  const since = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(since)) throw new ClientError(400, 'since must be epoch ms or an ISO date');
  return since;
}

/**
 * `GET /api/0/projects/:projectId/stats/?since=` → what the project's clients
 * sent since then: totals per outcome (accepted, filtered, rate_limited,
 * invalid, client_discarded, received) and the rows by category and reason.
 */
export async function projectStatsRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  const db = await projectDatabase(env, projectId);
  const since = parseSince(new URL(request.url).searchParams.get('since'), Date.now());
  const outcomes = await selectOutcomeTotals(db, projectId, since);
  const totals: Record<string, number> = {};
  for (const row of outcomes) totals[row.outcome] = (totals[row.outcome] ?? 0) + row.quantity;
  return json({ since: new Date(since).toISOString(), totals, outcomes });
}
