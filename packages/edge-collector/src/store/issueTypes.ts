// SQL for issue types (see migration 0086).

/**
 * Marks the issue an ingest just counted as a performance issue and keeps the
 * event's evidence on it. Runs in the event's batch, after the issue upsert;
 * acts only when that upsert counted the event (its ingest token).
 */
export function setIssueTypeStatement(
  db: D1Database,
  issue: { projectId: number; fingerprint: string; ingestToken: string },
  type: string,
  evidence: unknown,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE issues SET type = ?, evidence = ?
       WHERE project_id = ? AND fingerprint = ? AND ingest_token = ?`,
    )
    .bind(type, JSON.stringify(evidence), issue.projectId, issue.fingerprint, issue.ingestToken);
}
