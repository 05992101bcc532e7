import type { AlertPlan, FireInput } from '../types/AlertPlan';
import { type AlertRule, isThresholdTrigger } from '../types/AlertRule';
import type { EventFacts } from './eventFacts';
import { matchesFilters } from './matchesFilters';

/** A project's rules and whether it has any webhook to deliver to. */
export interface AlertSetup {
  rules: AlertRule[];
  hasWebhooks: boolean;
}

/**
 * Which rule triggers to check against an event, as plain data for the store to run
 * in the batch that stores the event (see store/alertTriggers.ts). Filters that only
 * need the event are decided here; the rest is SQL.
 */
export function planAlerts(facts: EventFacts, setup: AlertSetup): AlertPlan {
  if (!setup.hasWebhooks) return { fires: [], rememberUser: false };
  const rules = setup.rules.filter((rule) => rule.enabled && matchesFilters(rule.filters, facts));
  const fires: FireInput[] = [];
  for (const rule of rules) {
    const age = rule.filters.issueAge;
    for (const trigger of rule.triggers) {
      if (trigger.type === 'new_release' && !facts.release) continue;
      fires.push({
        rule,
        trigger: trigger.type,
        threshold: isThresholdTrigger(trigger) ? trigger.threshold : undefined,
        windowMs: isThresholdTrigger(trigger) ? trigger.windowMinutes * 60_000 : undefined,
        release: facts.release,
        issueOlderThanMs: age?.olderThanMinutes && age.olderThanMinutes * 60_000,
        issueNewerThanMs: age?.newerThanMinutes && age.newerThanMinutes * 60_000,
      });
    }
  }
  const rememberUser =
    Boolean(facts.userKey) &&
    rules.some((rule) => rule.triggers.some((trigger) => trigger.type === 'user_frequency'));
  return { fires, rememberUser };
}
