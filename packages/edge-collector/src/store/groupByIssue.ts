import type { IssueGroup, PlannedEvent } from './IssueGroup';

/**
 * A batch's events grouped by issue (project and fingerprint), in the order the
 * issues first appear; each group's events sorted by receive time (stably), and an
 * event id sent twice in the batch kept once (its first), so nothing counts twice.
 */
export function groupByIssue(events: PlannedEvent[]): IssueGroup[] {
  const seen = new Set<string>();
  const groups = new Map<string, IssueGroup>();
  for (const event of events) {
    const { projectId, eventId, fingerprint, ingestToken } = event.record;
    const id = `${projectId}/${eventId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const key = `${projectId}/${fingerprint}`;
    const group = groups.get(key);
    if (group) group.events.push(event);
    else groups.set(key, { projectId, fingerprint, token: ingestToken, events: [event] });
  }
  for (const group of groups.values()) {
    group.events.sort((a, b) => a.record.receivedAt - b.record.receivedAt);
  }
  return [...groups.values()];
}
