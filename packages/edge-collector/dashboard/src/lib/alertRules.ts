// Alert rules as the API takes them (see the collector's alerts/parseAlertRule.ts).

export const ONE_SHOT_TRIGGERS = [
  ['new_issue', 'A new issue is created'],
  ['regression', 'A resolved issue comes back'],
  ['ignored_until_met', 'An ignored issue’s condition is met'],
  ['new_release', 'A new release is seen'],
] as const;

export const THRESHOLD_TRIGGERS = [
  ['event_frequency', 'An issue has more than N events in M minutes'],
  ['user_frequency', 'An issue has more than N users in M minutes'],
  ['spike', 'The project has more than N errors in M minutes'],
] as const;

export type Trigger = { type: string; threshold?: number; windowMinutes?: number } & Record<
  string,
  unknown
>;

export interface Filters {
  level?: string;
  environment?: string;
  release?: string;
  tags?: Record<string, string>;
  issueAge?: { olderThanMinutes?: number; newerThanMinutes?: number };
}

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  triggers: Trigger[];
  filters: Filters;
  throttleMinutes: number;
  webhookIds: string[] | null;
}

export interface Webhook {
  id: string;
  name: string;
  url: string;
  format: string;
  secret?: string;
}

/** A trigger in words, for the rule list. */
export function describeTrigger(trigger: Trigger): string {
  if (trigger.type === 'performance_regression') {
    return `${trigger.metric} of ${trigger.transaction ?? 'any transaction'} worse than the ${trigger.baseline === 'previous_week' ? 'week before' : 'previous release'} by more than ${trigger.threshold} % over ${trigger.windowMinutes} min`;
  }
  if (trigger.type === 'error_rate') {
    return `errors above ${trigger.threshold} % of transactions over ${trigger.windowMinutes} min`;
  }
  const known = [...ONE_SHOT_TRIGGERS, ...THRESHOLD_TRIGGERS].find(
    ([type]) => type === trigger.type,
  );
  if (!known) return JSON.stringify(trigger);
  return known[1]
    .replace('N', String(trigger.threshold ?? 'N'))
    .replace('M', String(trigger.windowMinutes ?? 'M'));
}

/** Tags typed as `key=value` lines. */
export function parseTagLines(text: string): Record<string, string> | undefined {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const index = line.indexOf('=');
      return index > 0 ? [line.slice(0, index).trim(), line.slice(index + 1).trim()] : null;
    })
    .filter((entry): entry is [string, string] => entry !== null);
  return entries.length ? Object.fromEntries(entries) : undefined;
}
