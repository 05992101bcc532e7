import type { IRequest } from 'itty-router';
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
  const rows = await selectIssues(env.DB, { ...query, limit: query.limit + 1 });
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

async function findIssue(request: IRequest, env: Env): Promise<IssueRecord> {
  const issue = await selectIssue(env.DB, parseId(request.params.issueId, 'issue'));
  if (!issue) throw new ClientError(404, 'no such issue');
  return issue;
}

/** `GET /api/0/issues/:issueId/` → the issue with its tags' top values and event counts over time. */
export async function getIssueRoute(request: IRequest, env: Env): Promise<Response> {
  const issue = await findIssue(request, env);
  const now = Date.now();
  const [tags, hourly] = await Promise.all([
    selectTagSummaries(env.DB, issue.id),
    selectHourlyCounts(env.DB, issue.id, statsSince(now)),
  ]);
  return json({ ...toIssueJson(issue), tags, stats: issueStats(hourly, now) });
}

/** `PUT /api/0/issues/:issueId/` `{"status": …, "statusDetails": {…}}` → the updated issue. */
export async function updateIssueRoute(request: IRequest, env: Env): Promise<Response> {
  const issue = await findIssue(request, env);
  const change = parseStatusUpdate(await readJson(request), Date.now());
  await updateIssueStatus(env.DB, issue.id, change, Date.now());
  const updated = await selectIssue(env.DB, issue.id);
  if (!updated) throw new ClientError(404, 'no such issue');
  return json(toIssueJson(updated));
}

/**
 * `DELETE /api/0/issues/:issueId/` deletes the issue (its events soon after, by
 * the cron); with `?discard=true` future events with its fingerprint are dropped too.
 */
export async function deleteIssueRoute(request: IRequest, env: Env): Promise<Response> {
  const issue = await findIssue(request, env);
  const discard = new URL(request.url).searchParams.get('discard') === 'true';
  await deleteIssue(env.DB, issue.id, discard, Date.now());
  return new Response(null, { status: 204 });
}
