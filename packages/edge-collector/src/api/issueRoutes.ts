import type { IRequest } from 'itty-router';
import { issueDatabase } from '../databases/issueDatabase';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { readJson } from '../http/readJson';
import { parseStatusUpdate } from '../issues/parseStatusUpdate';
import { updateIssueStatus } from '../store/issueChanges';
import { deleteIssue } from '../store/issueDeletion';
import { selectHourlyCounts, selectTagSummaries } from '../store/issueDetails';
import { type ISSUE_SORTS, type IssueRecord, selectIssue, selectIssues } from '../store/issues';
import { selectProject } from '../store/projects';
import { toIssueJson } from './issueJson';
import { issueStats, statsSince } from './issueStats';
import { encodeCursor, parseIssueQuery } from './parseIssueQuery';

const SORT_VALUE: Record<keyof typeof ISSUE_SORTS, (issue: IssueRecord) => number> = {
  lastSeen: (issue) => issue.lastSeen,
  firstSeen: (issue) => issue.firstSeen,
  count: (issue) => issue.count,
  users: (issue) => issue.userCount,
};

/**
 * `GET /api/0/projects/:projectId/issues/?status=&query=&release=&environment=&sort=&cursor=&limit=`
 * → a page of issues; the next page's URL is in the `Link` header (`rel="next"`,
 * `results="true"` while there are more), as Sentry paginates.
 */
export async function listIssuesRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  const url = new URL(request.url);
  const query = parseIssueQuery(url, projectId);
  const db = await projectDatabase(env, projectId);
  const rows = await selectIssues(db, { ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const hasMore = rows.length > query.limit && last !== undefined;
  const next = new URL(url);
  if (last)
    next.searchParams.set(
      'cursor',
      encodeCursor(SORT_VALUE[query.sort ?? 'lastSeen'](last), last.id),
    );
  const cursor = next.searchParams.get('cursor') ?? '';
  const link = `<${next}>; rel="next"; results="${hasMore}"; cursor="${cursor}"`;
  return json(page.map(toIssueJson), { headers: { Link: link } });
}

/** The issue and the database holding it (named by its id's range, see issueDatabase). */
async function findIssue(
  request: IRequest,
  env: Env,
): Promise<{ issue: IssueRecord; db: D1Database }> {
  const issueId = parseId(request.params.issueId, 'issue');
  const db = issueDatabase(env, issueId);
  const issue = db ? await selectIssue(db, issueId) : null;
  if (!db || !issue) throw new ClientError(404, 'no such issue');
  return { issue, db };
}

/** `GET /api/0/issues/:issueId/` → the issue with its tags' top values and event counts over time. */
export async function getIssueRoute(request: IRequest, env: Env): Promise<Response> {
  const { issue, db } = await findIssue(request, env);
  const now = Date.now();
  const [tags, hourly] = await Promise.all([
    selectTagSummaries(db, issue.id),
    selectHourlyCounts(db, issue.id, statsSince(now)),
  ]);
  return json({ ...toIssueJson(issue), tags, stats: issueStats(hourly, now) });
}

/** `PUT /api/0/issues/:issueId/` `{"status": …, "statusDetails": {…}}` → the updated issue. */
export async function updateIssueRoute(request: IRequest, env: Env): Promise<Response> {
  const { issue, db } = await findIssue(request, env);
  const change = parseStatusUpdate(await readJson(request), Date.now());
  await updateIssueStatus(db, issue.id, change, Date.now());
  const updated = await selectIssue(db, issue.id);
  if (!updated) throw new ClientError(404, 'no such issue');
  return json(toIssueJson(updated));
}

/**
 * `DELETE /api/0/issues/:issueId/` deletes the issue (its events soon after, by
 * the cron); with `?discard=true` future events with its fingerprint are dropped too.
 */
export async function deleteIssueRoute(request: IRequest, env: Env): Promise<Response> {
  const { issue, db } = await findIssue(request, env);
  const discard = new URL(request.url).searchParams.get('discard') === 'true';
  await deleteIssue(db, issue.id, discard, Date.now());
  return new Response(null, { status: 204 });
}
