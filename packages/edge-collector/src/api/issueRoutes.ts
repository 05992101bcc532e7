import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { selectLatestEvent } from '../store/events';
import { type IssueRecord, selectIssue, selectIssues } from '../store/issues';
import { selectProject } from '../store/projects';

export function toIssueJson(issue: IssueRecord) {
  return {
    id: String(issue.id),
    projectId: String(issue.projectId),
    title: issue.title,
    culprit: issue.culprit,
    level: issue.level,
    platform: issue.platform,
    status: issue.status,
    count: issue.count,
    firstSeen: new Date(issue.firstSeen).toISOString(),
    lastSeen: new Date(issue.lastSeen).toISOString(),
  };
}

/** `GET /api/0/projects/:projectId/issues/` → the project's issues, last seen first. */
export async function listIssuesRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  const issues = await selectIssues(env.DB, projectId);
  return json(issues.map(toIssueJson));
}

/** `GET /api/0/issues/:issueId/events/latest/` → the newest stored event of an issue. */
export async function latestEventRoute(request: IRequest, env: Env): Promise<Response> {
  const issueId = parseId(request.params.issueId, 'issue');
  if (!(await selectIssue(env.DB, issueId))) throw new ClientError(404, 'no such issue');
  const event = await selectLatestEvent(env.DB, issueId);
  if (!event) throw new ClientError(404, 'this issue has no stored event');
  return json(event);
}
