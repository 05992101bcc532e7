/**
 * An alert rule: when any of its triggers matches an event that passes its filters,
 * it fires, at most once per issue (per project for a spike) per throttle interval,
 * to its webhooks. Parsed from the API by `parseAlertRule`.
 */
export interface AlertRule {
  id: number;
  projectId: number;
  name: string;
  enabled: boolean;
  triggers: AlertTrigger[];
  filters: AlertFilters;
  throttleMs: number;
  /** Webhook ids, or null for every webhook of the project. */
  webhookIds: number[] | null;
}

/** Triggers that happen once: an issue is new, regressed, woke up; a release is new. */
export type OneShotTriggerType = 'new_issue' | 'regression' | 'ignored_until_met' | 'new_release';

/** Triggers that count in a window: events or users of one issue, a project's errors. */
export type ThresholdTriggerType = 'event_frequency' | 'user_frequency' | 'spike';

export type AlertTriggerType = OneShotTriggerType | ThresholdTriggerType;

export type AlertTrigger =
  | { type: OneShotTriggerType }
  | { type: ThresholdTriggerType; threshold: number; windowMinutes: number };

export interface AlertFilters {
  /** Lowest level that alerts: debug < info < warning < error < fatal. */
  level?: string;
  environment?: string;
  release?: string;
  /** Every tag here must have exactly this value on the event. */
  tags?: Record<string, string>;
  /** Only issues first seen at least / at most this many minutes ago. */
  issueAge?: { olderThanMinutes?: number; newerThanMinutes?: number };
}

export const ONE_SHOT_TRIGGERS: readonly OneShotTriggerType[] = [
  'new_issue',
  'regression',
  'ignored_until_met',
  'new_release',
];

export const THRESHOLD_TRIGGERS: readonly ThresholdTriggerType[] = [
  'event_frequency',
  'user_frequency',
  'spike',
];

export const LEVELS = ['debug', 'info', 'warning', 'error', 'fatal'] as const;

export const DEFAULT_THROTTLE_MINUTES = 30;

/** The longest counting window; the cron forgets users seen before it. */
export const MAX_WINDOW_MINUTES = 24 * 60;

export function isThresholdTrigger(
  trigger: AlertTrigger,
): trigger is Extract<AlertTrigger, { threshold: number }> {
  return (THRESHOLD_TRIGGERS as readonly string[]).includes(trigger.type);
}
