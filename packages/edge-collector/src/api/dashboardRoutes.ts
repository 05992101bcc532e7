import type { IRequest } from 'itty-router';
import { findInDatabases } from '../databases/findInDatabases';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { selectEventNeighbours, selectHourlyCountsOfIssues } from '../store/dashboardReads';
import { selectProject } from '../store/projects';
import { issueStats } from './issueStats';

const HOUR = 3600;

/**
 * `GET /api/0/projects/:projectId/issues/stats/?id=1&id=2…` (at most 100) → for each
 * issue, its last 24 hours as 24 hourly `[unixSeconds, count]` points: the issue
 * stream's sparklines in one request.
 */
export async function issueSparklinesRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  const ids = new URL(request.url).searchParams.getAll('id').map((id) => parseId(id, 'issue'));
  if (ids.length > 100) throw new ClientError(400, 'at most 100 ids');
  const now = Date.now();
  const since = Math.floor(now / 1000 / HOUR) * HOUR - 23 * HOUR;
  const counts = await selectHourlyCountsOfIssues(
    await projectDatabase(env, projectId),
    projectId,
    ids,
    since,
  );
  const body: Record<string, [number, number][]> = {};
  for (const [id, hourly] of counts) body[id] = issueStats(hourly, now)['24h'];
  return json(body);
}

/** `GET /api/0/events/:eventId/neighbours/` → the older, newer and latest event ids of its issue. */
export async function eventNeighboursRoute(request: IRequest, env: Env): Promise<Response> {
  const eventId = (request.params.eventId ?? '').replaceAll('-', '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(eventId)) throw new ClientError(400, 'invalid event id');
  const neighbours = await findInDatabases(env, (db) => selectEventNeighbours(db, eventId));
  if (!neighbours) throw new ClientError(404, 'no such event');
  return json(neighbours);
}
