// SQL for an issue's tag value counts and hourly event counts.

export interface TagSummary {
  key: string;
  /** Distinct values seen. */
  totalValues: number;
  topValues: { value: string; count: number; firstSeen: number; lastSeen: number }[];
}

/** The most seen values of each of an issue's tags. */
export async function selectTagSummaries(
  db: D1Database,
  issueId: number,
  top = 5,
): Promise<TagSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT key, value, times_seen, first_seen, last_seen, distinct_values FROM (
         SELECT *, row_number() OVER (PARTITION BY key ORDER BY times_seen DESC, last_seen DESC, value)
             AS rank,
           count(*) OVER (PARTITION BY key) AS distinct_values
         FROM issue_tag_values WHERE issue_id = ?)
       WHERE rank <= ? ORDER BY key, rank`,
    )
    .bind(issueId, top)
    .all<{
      key: string;
      value: string;
      times_seen: number;
      first_seen: number;
      last_seen: number;
      distinct_values: number;
    }>();
  const byKey = new Map<string, TagSummary>();
  for (const row of results) {
    let summary = byKey.get(row.key);
    if (!summary) {
      summary = { key: row.key, totalValues: row.distinct_values, topValues: [] };
      byKey.set(row.key, summary);
    }
    summary.topValues.push({
      value: row.value,
      count: row.times_seen,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
    });
  }
  return [...byKey.values()];
}

/** Events per hour since `sinceHour` (seconds), only hours that had events. */
export async function selectHourlyCounts(
  db: D1Database,
  issueId: number,
  sinceHour: number,
): Promise<Map<number, number>> {
  const { results } = await db
    .prepare('SELECT hour, count FROM issue_hourly_counts WHERE issue_id = ? AND hour >= ?')
    .bind(issueId, sinceHour)
    .all<{ hour: number; count: number }>();
  return new Map(results.map((row) => [row.hour, row.count]));
}
