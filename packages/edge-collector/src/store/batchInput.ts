import type { IssueGroup } from './IssueGroup';

/**
 * A batch's groups as one JSON value for the statements that handle the whole batch
 * at once (releases, tag values, hourly counts, users): read in SQL with
 * `json_each(input.groups)`, then `json_each(g.value -> 'events')`.
 */
export function batchInput(groups: IssueGroup[]): string {
  return JSON.stringify(
    groups.map((group) => ({
      project_id: group.projectId,
      fingerprint: group.fingerprint,
      token: group.token,
      events: group.events.map(({ record, alerts }) => ({
        event_id: record.eventId,
        received_at: record.receivedAt,
        release: record.release || null,
        user_key: record.userKey ?? null,
        remember_user: alerts.rememberUser && Boolean(record.userKey),
        tags: record.tags ?? [],
      })),
    })),
  );
}
