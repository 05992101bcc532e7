import {
  enqueueDeliveriesStatement,
  fireAlertStatement,
  recordIssueUserStatement,
} from '../store/alertTriggers';
import type { EventRecord } from '../store/events';
import { type AlertRule, isCronTrigger, isThresholdTrigger } from './AlertRule';
import type { EventFacts } from './eventFacts';
import { matchesFilters } from './matchesFilters';

/** A project's rules and whether it has any webhook to deliver to. */
export interface AlertSetup {
  rules: AlertRule[];
  hasWebhooks: boolean;
}

export interface AlertStatements {
  statements: D1PreparedStatement[];
  /** Indexes in `statements` of the fire statements: a change there means an alert fired. */
  fireIndexes: number[];
}

/**
 * The statements to append to the batch that stores `record`, so that the alerts it
 * fires are written in the same transaction as the event (see store/alertTriggers.ts).
 * Filters that only need the event are decided here; the rest is SQL.
 */
export function alertStatements(
  db: D1Database,
  record: EventRecord,
  facts: EventFacts,
  setup: AlertSetup,
): AlertStatements {
  const base = {
    projectId: record.projectId,
    fingerprint: record.fingerprint,
    eventId: record.eventId,
    ingestToken: record.ingestToken,
    now: record.receivedAt,
  };
  const statements: D1PreparedStatement[] = [];
  const fireIndexes: number[] = [];
  if (!setup.hasWebhooks) return { statements, fireIndexes };

  const rules = setup.rules.filter((rule) => rule.enabled && matchesFilters(rule.filters, facts));
  const countsUsers = rules.some((rule) => rule.triggers.some((t) => t.type === 'user_frequency'));
  if (countsUsers && facts.userKey) {
    statements.push(recordIssueUserStatement(db, { ...base, userKey: facts.userKey }));
  }
  for (const rule of rules) {
    const age = rule.filters.issueAge;
    for (const trigger of rule.triggers) {
      if (trigger.type === 'new_release' && !facts.release) continue;
      if (isCronTrigger(trigger)) continue; // evaluated by the cron, not per event
      fireIndexes.push(statements.length);
      statements.push(
        fireAlertStatement(db, {
          ...base,
          rule,
          trigger: trigger.type,
          threshold: isThresholdTrigger(trigger) ? trigger.threshold : undefined,
          windowMs: isThresholdTrigger(trigger) ? trigger.windowMinutes * 60_000 : undefined,
          release: facts.release,
          issueOlderThanMs: age?.olderThanMinutes && age.olderThanMinutes * 60_000,
          issueNewerThanMs: age?.newerThanMinutes && age.newerThanMinutes * 60_000,
        }),
      );
    }
  }
  if (fireIndexes.length > 0) {
    statements.push(enqueueDeliveriesStatement(db, base.projectId, base.eventId, base.now));
  }
  return { statements, fireIndexes };
}
