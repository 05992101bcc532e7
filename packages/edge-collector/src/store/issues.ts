// SQL for reading issues.

export interface IssueRecord {
  id: number;
  projectId: number;
  title: string;
  culprit: string;
  level: string;
  platform: string;
  status: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

interface IssueRow {
  id: number;
  project_id: number;
  title: string;
  culprit: string;
  level: string;
  platform: string;
  status: string;
  event_count: number;
  first_seen: number;
  last_seen: number;
}

function toIssue(row: IssueRow): IssueRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    culprit: row.culprit,
    level: row.level,
    platform: row.platform,
    status: row.status,
    count: row.event_count,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  };
}

/** Issues of a project, most recently seen first. */
export async function selectIssues(
  db: D1Database,
  projectId: number,
  limit = 100,
): Promise<IssueRecord[]> {
  const { results } = await db
    .prepare('SELECT * FROM issues WHERE project_id = ? ORDER BY last_seen DESC, id DESC LIMIT ?')
    .bind(projectId, limit)
    .all<IssueRow>();
  return results.map(toIssue);
}

export async function selectIssue(db: D1Database, issueId: number): Promise<IssueRecord | null> {
  const row = await db.prepare('SELECT * FROM issues WHERE id = ?').bind(issueId).first<IssueRow>();
  return row ? toIssue(row) : null;
}
