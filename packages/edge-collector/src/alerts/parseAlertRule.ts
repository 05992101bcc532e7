import { ClientError } from '../http/ClientError';
import {
  type AlertFilters,
  type AlertRule,
  type AlertTrigger,
  DEFAULT_THROTTLE_MINUTES,
  LEVELS,
  MAX_WINDOW_MINUTES,
  ONE_SHOT_TRIGGERS,
  THRESHOLD_TRIGGERS,
} from '../types/AlertRule';

export type AlertRuleInput = Omit<AlertRule, 'id' | 'projectId'>;

function fail(message: string): never {
  throw new ClientError(400, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integer(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || !value || value.length > 200) {
    fail(`${name} must be a string of 1 to 200 characters`);
  }
  return value;
}

function parseTrigger(value: unknown, index: number): AlertTrigger {
  const name = `triggers[${index}]`;
  if (!isObject(value)) fail(`${name} must be an object with a type`);
  const type = value.type as string;
  if ((ONE_SHOT_TRIGGERS as readonly string[]).includes(type)) {
    return { type } as AlertTrigger;
  }
  if ((THRESHOLD_TRIGGERS as readonly string[]).includes(type)) {
    return {
      type,
      threshold: integer(value.threshold, `${name}.threshold`, 0, 1_000_000),
      windowMinutes: integer(value.windowMinutes, `${name}.windowMinutes`, 1, MAX_WINDOW_MINUTES),
    } as AlertTrigger;
  }
  const known = [...ONE_SHOT_TRIGGERS, ...THRESHOLD_TRIGGERS].join(', ');
  fail(`${name}.type must be one of ${known}`);
}

function parseFilters(value: unknown): AlertFilters {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) fail('filters must be an object');
  const filters: AlertFilters = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined || entry === null) continue;
    if (key === 'level') {
      if (!(LEVELS as readonly string[]).includes(entry as string)) {
        fail(`filters.level must be one of ${LEVELS.join(', ')}`);
      }
      filters.level = entry as string;
    } else if (key === 'environment' || key === 'release') {
      filters[key] = text(entry, `filters.${key}`);
    } else if (key === 'tags') {
      if (!isObject(entry)) fail('filters.tags must be an object of tag: value');
      filters.tags = Object.fromEntries(
        Object.entries(entry).map(([tag, tagValue]) => [
          tag,
          text(tagValue, `filters.tags.${tag}`),
        ]),
      );
    } else if (key === 'issueAge') {
      if (!isObject(entry)) fail('filters.issueAge must be {olderThanMinutes?, newerThanMinutes?}');
      const age: AlertFilters['issueAge'] = {};
      for (const bound of ['olderThanMinutes', 'newerThanMinutes'] as const) {
        if (entry[bound] === undefined) continue;
        age[bound] = integer(entry[bound], `filters.issueAge.${bound}`, 0, 525_600);
      }
      filters.issueAge = age;
    } else {
      fail(`unknown filter: ${key}`);
    }
  }
  return filters;
}

function parseWebhookIds(value: unknown): number[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) fail('webhookIds must be an array of webhook ids, or null for all');
  return value.map((id) => {
    const number = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id;
    return integer(number, 'webhookIds[]', 1, Number.MAX_SAFE_INTEGER);
  });
}

/**
 * Checks a rule from the API: `{name, enabled?, triggers, filters?, throttleMinutes?,
 * webhookIds?}`. `throttleMinutes` may be fractional (0.5 = 30 s).
 */
export function parseAlertRule(body: Record<string, unknown>): AlertRuleInput {
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name || name.length > 100) fail('name must be 1 to 100 characters');
  if (!Array.isArray(body.triggers) || body.triggers.length === 0 || body.triggers.length > 10) {
    fail('triggers must be an array of 1 to 10 triggers');
  }
  const throttleMinutes = body.throttleMinutes ?? DEFAULT_THROTTLE_MINUTES;
  if (typeof throttleMinutes !== 'number' || !(throttleMinutes >= 0 && throttleMinutes <= 10_080)) {
    fail('throttleMinutes must be a number from 0 to 10080 (a week)');
  }
  if (body.enabled !== undefined && typeof body.enabled !== 'boolean') {
    fail('enabled must be true or false');
  }
  return {
    name,
    enabled: body.enabled ?? true,
    triggers: body.triggers.map(parseTrigger),
    filters: parseFilters(body.filters),
    throttleMs: Math.round(throttleMinutes * 60_000),
    webhookIds: parseWebhookIds(body.webhookIds),
  };
}
