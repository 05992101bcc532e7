// Which alerts a batch checks: each rule's trigger once per issue (once per project for
// spike and new release), each naming one event of the batch (see WEBHOOKS.md "Batches").

import type { FireInput } from '../types/AlertPlan';
import type { AlertTriggerType } from '../types/AlertRule';
import type { EventRecord } from '../types/EventRecord';
import type { IssueGroup } from './IssueGroup';

/** A rule's trigger to check for an issue of the batch, and the event it names. */
export interface PlannedFire {
  group: IssueGroup;
  record: EventRecord;
  fire: FireInput;
}

/** Triggers decided by the issue's status transition, and the transition each needs. */
export const TRANSITIONS: Partial<Record<AlertTriggerType, string>> = {
  new_issue: 'new',
  regression: 'regressed',
  ignored_until_met: 'unignored',
};

/**
 * Each trigger once per issue (per project for spike and new release) per batch. A
 * transition names the issue's first event of the batch that plans it (the closest to
 * the one that changed the status); a threshold names the last (the count includes
 * the whole batch); a new release names the release's earliest event, the one whose
 * time is the release's first_seen.
 */
export function planFires(groups: IssueGroup[]): PlannedFire[] {
  const fires = new Map<string, PlannedFire>();
  groups.forEach((group, index) => {
    for (const { record, alerts } of group.events) {
      for (const fire of alerts.fires) {
        const projectWide = fire.trigger === 'spike' || fire.trigger === 'new_release';
        const key = projectWide
          ? `${group.projectId}/${fire.rule.id}/${fire.trigger}/${fire.release ?? ''}`
          : `${index}/${fire.rule.id}/${fire.trigger}`;
        const known = fires.get(key);
        const keepFirst =
          TRANSITIONS[fire.trigger] !== undefined ||
          (fire.trigger === 'new_release' &&
            (known?.record.receivedAt ?? Number.POSITIVE_INFINITY) <= record.receivedAt);
        if (known && keepFirst) continue;
        if (known && fire.trigger === 'spike' && known.record.receivedAt > record.receivedAt)
          continue;
        fires.set(key, { group, record, fire });
      }
    }
  });
  return [...fires.values()];
}

/** What every alert statement binds of a planned fire: its issue, event and rule. */
export function fireBinds({ group, record, fire }: PlannedFire) {
  return {
    project_id: group.projectId,
    fingerprint: group.fingerprint,
    token: group.token,
    event_id: record.eventId,
    now: record.receivedAt,
    rule_id: fire.rule.id,
    rule_name: fire.rule.name,
    trigger: fire.trigger,
    older_ms: fire.issueOlderThanMs ?? null,
    newer_ms: fire.issueNewerThanMs ?? null,
  };
}
