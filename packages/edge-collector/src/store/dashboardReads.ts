// SQL for what the dashboard shows beside the read API: many issues' hourly counts at
// once (the stream's sparklines) and an event's older and newer neighbours.

/** Hourly event counts (hour in seconds → count) since `sinceHour` for each issue of a project. */
export async function selectHourlyCountsOfIssues(
  db: D1Database,
  projectId: number,
  issueIds: number[],
  sinceHour: number,
): Promise<Map<number, Map<number, number>>> {
  const byIssue = new Map<number, Map<number, number>>(issueIds.map((id) => [id, new Map()]));
  if (issueIds.length === 0) return byIssue;
  const { results } = await db
    .prepare(
      `SELECT c.issue_id, c.hour, c.count FROM issue_hourly_counts c
       JOIN issues i ON i.id = c.issue_id AND i.project_id = ?
       WHERE c.issue_id IN (SELECT value FROM json_each(?)) AND c.hour >= ?`,
    )
    .bind(projectId, JSON.stringify(issueIds), sinceHour)
    .all<{ issue_id: number; hour: number; count: number }>();
  for (const row of results) byIssue.get(row.issue_id)?.set(row.hour, row.count);
  return byIssue;
}

export interface EventNeighbours {
  /** The next older event of the same issue. */
  previousEventId: string | null;
  /** The next newer one. */
  nextEventId: string | null;
  latestEventId: string | null;
}

/** The events either side of `eventId` in its issue, in the order they were received. */
export async function selectEventNeighbours(
  db: D1Database,
  eventId: string,
): Promise<EventNeighbours | null> {
  const self = await db
    .prepare('SELECT rowid, issue_id, received_at FROM events WHERE event_id = ? LIMIT 1')
    .bind(eventId)
    .first<{ rowid: number; issue_id: number; received_at: number }>();
  if (!self) return null;
  const [older, newer, latest] = await db.batch<{ event_id: string }>([
    db
      .prepare(
        `SELECT event_id FROM events WHERE issue_id = ?1
           AND (received_at < ?2 OR (received_at = ?2 AND rowid < ?3))
         ORDER BY received_at DESC, rowid DESC LIMIT 1`,
      )
      .bind(self.issue_id, self.received_at, self.rowid),
    db
      .prepare(
        `SELECT event_id FROM events WHERE issue_id = ?1
           AND (received_at > ?2 OR (received_at = ?2 AND rowid > ?3))
         ORDER BY received_at, rowid LIMIT 1`,
      )
      .bind(self.issue_id, self.received_at, self.rowid),
    db
      .prepare(
        'SELECT event_id FROM events WHERE issue_id = ? ORDER BY received_at DESC, rowid DESC LIMIT 1',
      )
      .bind(self.issue_id),
  ]);
  return {
    previousEventId: older?.results[0]?.event_id ?? null,
    nextEventId: newer?.results[0]?.event_id ?? null,
    latestEventId: latest?.results[0]?.event_id ?? null,
  };
}

/** Outcome quantities per hour (epoch ms of the hour) since `since` (ms), all categories. */
export async function selectHourlyOutcomes(
  db: D1Database,
  projectId: number,
  since: number,
): Promise<{ hour: number; outcome: string; quantity: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT (minute / 3600000) * 3600000 AS hour, outcome, SUM(quantity) AS quantity
       FROM project_outcomes WHERE project_id = ? AND minute >= ?
       GROUP BY hour, outcome ORDER BY hour`,
    )
    .bind(projectId, since)
    .all<{ hour: number; outcome: string; quantity: number }>();
  return results;
}
