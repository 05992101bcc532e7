// SQL for per-project outcome counts.
import type { OutcomeCount } from '../outcomes/OutcomeTally';

const MINUTE_MS = 60_000;

export function minuteOf(time: number): number {
  return time - (time % MINUTE_MS);
}

/** Adds a request's outcome counts to the current minute, in one batch. */
export async function insertOutcomes(
  db: D1Database,
  projectId: number,
  now: number,
  counts: OutcomeCount[],
): Promise<void> {
  if (counts.length === 0) return;
  const statement = db.prepare(
    `INSERT INTO project_outcomes (project_id, minute, outcome, category, reason, quantity)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (project_id, minute, outcome, category, reason)
     DO UPDATE SET quantity = quantity + excluded.quantity`,
  );
  await db.batch(
    counts.map((count) =>
      statement.bind(
        projectId,
        minuteOf(now),
        count.outcome,
        count.category,
        count.reason,
        count.quantity,
      ),
    ),
  );
}

/** Totals per outcome, category and reason since `since` (ms), largest first. */
export async function selectOutcomeTotals(
  db: D1Database,
  projectId: number,
  since: number,
): Promise<OutcomeCount[]> {
  const { results } = await db
    .prepare(
      `SELECT outcome, category, reason, SUM(quantity) AS quantity FROM project_outcomes
       WHERE project_id = ? AND minute >= ?
       GROUP BY outcome, category, reason ORDER BY quantity DESC, outcome, category, reason`,
    )
    .bind(projectId, minuteOf(since))
    .all<OutcomeCount>();
  return results;
}

/**
 * Deletes up to `limit` outcome rows of minutes before `before` (ms) and
 * returns how many: the cron keeps the table from growing forever. CROSS JOIN
 * keeps projects the outer loop, so each project's old rows are one range of
 * its (project_id, minute, …) key and a run with nothing to delete costs a
 * seek per project, not a scan of the table.
 */
export async function deleteOutcomesBefore(
  db: D1Database,
  before: number,
  limit: number,
): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM project_outcomes
       WHERE (project_id, minute, outcome, category, reason) IN (
         SELECT o.project_id, o.minute, o.outcome, o.category, o.reason
         FROM projects p CROSS JOIN project_outcomes o ON o.project_id = p.id AND o.minute < ?1
         LIMIT ?2)`,
    )
    .bind(minuteOf(before), limit)
    .run();
  return result.meta.changes;
}
