// SQL for reading issues; deleted ones (deleted_at set) are no longer there.

export interface IssueRecord {
  id: number;
  projectId: number;
  fingerprint: string;
  title: string;
  culprit: string;
  level: string;
  platform: string;
  /** unresolved, resolved or ignored; a regressed issue is unresolved with `isRegressed`. */
  status: string;
  isRegressed: boolean;
  count: number;
  userCount: number;
  firstSeen: number;
  lastSeen: number;
  firstRelease: string | null;
  lastRelease: string | null;
  resolvedAt: number | null;
  resolvedMode: 'inRelease' | 'inNextRelease' | null;
  resolvedRelease: string | null;
  ignoreUntil: number | null;
  ignoreUntilCount: number | null;
  ignoreUntilUsers: number | null;
  statusChangedAt: number | null;
  /** `error`, or a performance issue type such as `performance_n_plus_one`. */
  type: string;
  /** A performance issue's latest evidence (JSON); null for errors. */
  evidence: string | null;
}

interface IssueRow {
  id: number;
  project_id: number;
  fingerprint: string;
  title: string;
  culprit: string;
  level: string;
  platform: string;
  status: string;
  is_regressed: number;
  event_count: number;
  user_count: number;
  first_seen: number;
  last_seen: number;
  first_release: string | null;
  last_release: string | null;
  resolved_at: number | null;
  resolved_mode: IssueRecord['resolvedMode'];
  resolved_release: string | null;
  ignore_until: number | null;
  ignore_until_count: number | null;
  ignore_until_users: number | null;
  status_changed_at: number | null;
  type: string;
  evidence: string | null;
}

function toIssue(row: IssueRow): IssueRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    fingerprint: row.fingerprint,
    title: row.title,
    culprit: row.culprit,
    level: row.level,
    platform: row.platform,
    status: row.status,
    isRegressed: row.is_regressed === 1,
    count: row.event_count,
    userCount: row.user_count,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    firstRelease: row.first_release,
    lastRelease: row.last_release,
    resolvedAt: row.resolved_at,
    resolvedMode: row.resolved_mode,
    resolvedRelease: row.resolved_release,
    ignoreUntil: row.ignore_until,
    ignoreUntilCount: row.ignore_until_count,
    ignoreUntilUsers: row.ignore_until_users,
    statusChangedAt: row.status_changed_at,
    type: row.type ?? 'error',
    evidence: row.evidence ?? null,
  };
}

export const ISSUE_SORTS = {
  lastSeen: 'last_seen',
  firstSeen: 'first_seen',
  count: 'event_count',
  users: 'user_count',
} as const;

export interface IssueQuery {
  projectId: number;
  /** unresolved, resolved, ignored, or regressed (unresolved and regressed). */
  status?: string;
  /** Words that must all appear in the title or culprit. */
  words?: string[];
  release?: string;
  environment?: string;
  /** Only issues of this level (error, warning, …). */
  level?: string;
  sort?: keyof typeof ISSUE_SORTS;
  /** `error` or a performance issue type; all types when absent. */
  type?: string;
  /** Keyset cursor: the sort value and id of the last issue of the previous page. */
  after?: { value: number; id: number };
  limit: number;
}

/** A page of a project's issues, sorted descending by `sort` (last seen by default). */
export async function selectIssues(db: D1Database, query: IssueQuery): Promise<IssueRecord[]> {
  const column = ISSUE_SORTS[query.sort ?? 'lastSeen'];
  const where = ['project_id = ?', 'deleted_at IS NULL'];
  const binds: unknown[] = [query.projectId];
  if (query.status === 'regressed') where.push("status = 'unresolved' AND is_regressed = 1");
  else if (query.status) {
    where.push('status = ?');
    binds.push(query.status);
  }
  if (query.type) {
    where.push('type = ?');
    binds.push(query.type);
  }
  for (const word of query.words ?? []) {
    const like = `%${word.replace(/[\\%_]/g, '\\$&')}%`;
    where.push("(title LIKE ? ESCAPE '\\' OR culprit LIKE ? ESCAPE '\\')");
    binds.push(like, like);
  }
  for (const key of ['release', 'environment'] as const) {
    const value = query[key];
    if (value === undefined) continue;
    where.push(
      'EXISTS (SELECT 1 FROM issue_tag_values t WHERE t.issue_id = issues.id AND t.key = ? AND t.value = ?)',
    );
    binds.push(key, value);
  }
  if (query.level) {
    where.push('level = ?');
    binds.push(query.level);
  }
  if (query.after) {
    where.push(`(${column} < ? OR (${column} = ? AND id < ?))`);
    binds.push(query.after.value, query.after.value, query.after.id);
  }
  const { results } = await db
    .prepare(
      `SELECT * FROM issues WHERE ${where.join(' AND ')} ORDER BY ${column} DESC, id DESC LIMIT ?`,
    )
    .bind(...binds, query.limit)
    .all<IssueRow>();
  return results.map(toIssue);
}

export async function selectIssue(db: D1Database, issueId: number): Promise<IssueRecord | null> {
  const row = await db
    .prepare('SELECT * FROM issues WHERE id = ? AND deleted_at IS NULL')
    .bind(issueId)
    .first<IssueRow>();
  return row ? toIssue(row) : null;
}
