import type { AlertTriggerType } from './AlertRule';

/** One trigger of one rule to check, in SQL, against the event being stored. */
export interface FireInput {
  rule: { id: number; name: string; throttleMs: number };
  trigger: AlertTriggerType;
  /** Threshold triggers: more than `threshold` in the last `windowMs`. */
  threshold?: number;
  windowMs?: number;
  release?: string;
  issueOlderThanMs?: number;
  issueNewerThanMs?: number;
}

/**
 * What alerting asks the store to do with an event (see `planAlerts`): the checks
 * that only need the event are decided already; the rest is SQL run in the batch
 * that stores it, so it sees the issue as the event left it.
 */
export interface AlertPlan {
  fires: FireInput[];
  /** Remember the event's user for the issue ("more than N users in M minutes"). */
  rememberUser: boolean;
}

export const NO_ALERTS: AlertPlan = { fires: [], rememberUser: false };
