import { ClientError } from '../http/ClientError';
import { ISSUE_SORTS, type IssueQuery } from '../store/issues';

const STATUSES = new Set(['unresolved', 'resolved', 'ignored', 'regressed']);
const TYPES = new Set(['error', 'performance_n_plus_one']);

/** `value:id` of the last issue on a page; the next page starts after it. */
export function encodeCursor(value: number, id: number): string {
  return `${value}:${id}`;
}

function decodeCursor(cursor: string): IssueQuery['after'] {
  const match = /^(-?\d{1,16}):(\d{1,15})$/.exec(cursor);
  if (!match) throw new ClientError(400, 'cursor must be a value from a Link header');
  return { value: Number(match[1]), id: Number(match[2]) };
}

/**
 * The query string of `GET /api/0/projects/:id/issues/`: `status`, `query`
 * (words that must all appear in the title or culprit), `release`,
 * `environment`, `level`, `sort` (lastSeen, firstSeen, count, users), `type`, `cursor`, `limit`.
 */
export function parseIssueQuery(url: URL, projectId: number): IssueQuery {
  const params = url.searchParams;
  const status = params.get('status') || undefined;
  if (status && !STATUSES.has(status)) {
    throw new ClientError(400, 'status must be unresolved, resolved, ignored or regressed');
  }
  const sort = params.get('sort') || 'lastSeen';
  if (!(sort in ISSUE_SORTS)) {
    throw new ClientError(400, 'sort must be lastSeen, firstSeen, count or users');
  }
  const limit = Number(params.get('limit') ?? 25);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new ClientError(400, 'limit must be an integer from 1 to 100');
  }
  const type = params.get('type') || undefined;
  if (type && !TYPES.has(type)) {
    throw new ClientError(400, 'type must be error or performance_n_plus_one');
  }
  const cursor = params.get('cursor');
  return {
    projectId,
    status,
    words: (params.get('query') ?? '').split(/\s+/).filter(Boolean).slice(0, 10),
    release: params.get('release') ?? undefined,
    environment: params.get('environment') ?? undefined,
    level: params.get('level') || undefined,
    sort: sort as IssueQuery['sort'],
    type,
    after: cursor ? decodeCursor(cursor) : undefined,
    limit,
  };
}
