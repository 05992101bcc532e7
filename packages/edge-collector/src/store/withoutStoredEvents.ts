import type { IssueGroup } from './IssueGroup';
import { withInput } from './withInput';

/**
 * The groups without their events already stored (a redelivered batch, an event an SDK
 * sent again), read in one query before the batch is written, so each alert names an
 * event this batch stores and a batch redelivered whole writes nothing but receipts.
 * The batch's statements check again inside their transaction (an event stored in
 * between, by a concurrent batch, is still counted once). A batch whose groups hold one
 * event each needs no read: a stored event's group counts nothing, so nothing names it.
 */
export async function withoutStoredEvents(
  db: D1Database,
  groups: IssueGroup[],
): Promise<IssueGroup[]> {
  const ids = groups.flatMap((group) =>
    group.events.map(({ record }) => [record.projectId, record.eventId]),
  );
  if (groups.every((group) => group.events.length === 1)) return groups;
  const { results } = await withInput(
    db,
    { ids: JSON.stringify(ids) },
    `SELECT e.project_id AS projectId, e.event_id AS eventId
     FROM input, json_each(input.ids) x
       JOIN events e ON e.project_id = x.value ->> 0 AND e.event_id = x.value ->> 1`,
  ).all<{ projectId: number; eventId: string }>();
  if (results.length === 0) return groups;
  const stored = new Set(results.map((row) => `${row.projectId}/${row.eventId}`));
  return groups
    .map((group) => ({
      ...group,
      events: group.events.filter(
        ({ record }) => !stored.has(`${record.projectId}/${record.eventId}`),
      ),
    }))
    .filter((group) => group.events.length > 0);
}
