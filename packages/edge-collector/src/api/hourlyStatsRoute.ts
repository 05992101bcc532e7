import type { IRequest } from 'itty-router';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { selectHourlyOutcomes } from '../store/dashboardReads';
import { selectProject } from '../store/projects';

const HOUR_MS = 3600_000;
const PERIODS: Record<string, number> = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24 };
const OUTCOMES = ['accepted', 'filtered', 'rate_limited', 'invalid', 'client_discarded'];

/**
 * `GET /api/0/projects/:projectId/stats/hourly/?period=24h|7d|30d` → what the project's
 * clients sent per hour: `{hours: [epoch seconds…], series: {accepted: […], filtered: […],
 * rate_limited: […], invalid: […], client_discarded: […]}}`, zeros included.
 */
export async function hourlyStatsRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  const db = await projectDatabase(env, projectId);
  const period = new URL(request.url).searchParams.get('period') || '24h';
  const hoursBack = PERIODS[period];
  if (!hoursBack) throw new ClientError(400, 'period must be 24h, 7d or 30d');
  const thisHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const first = thisHour - (hoursBack - 1) * HOUR_MS;
  const rows = await selectHourlyOutcomes(db, projectId, first);
  const hours = Array.from({ length: hoursBack }, (_, index) => first + index * HOUR_MS);
  const series: Record<string, number[]> = {};
  for (const outcome of OUTCOMES) series[outcome] = hours.map(() => 0);
  for (const row of rows) {
    const values = series[row.outcome];
    const index = (row.hour - first) / HOUR_MS;
    if (values && index >= 0 && index < hours.length) values[index] = row.quantity;
  }
  return json({ hours: hours.map((hour) => hour / 1000), series });
}
