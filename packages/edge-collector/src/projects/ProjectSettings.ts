import {
  DEFAULT_FILTER_SETTINGS,
  type FilterSettings,
  mergeFilterSettings,
  validateFilterSettings,
} from '../filters/filterSettings';
import { parseFingerprintRule } from '../fingerprint/fingerprintRules';
import { ClientError } from '../http/ClientError';

/**
 * Per-project settings, stored as JSON in `projects.settings` and changed with
 * `PUT /api/0/projects/:id/`. Stored values are only what the user set; every
 * reader goes through `resolveProjectSettings`, the one place defaults live.
 */
export interface ProjectSettings {
  /** Days events are kept before the retention cleanup deletes them. */
  retentionDays: number;
  /** Events accepted per minute (transactions counted apart) before a 429; 0 = no limit. */
  rateLimitPerMinute: number;
  /** Inbound filters: a matching event is answered 200, counted and not stored. */
  filters: FilterSettings;
  /** Keep the sender's IP in `user.ip_address`; off: every IP address is removed. */
  storeClientIp: boolean;
  /** Keys to scrub besides the defaults: a name (`card`) or a dotted path (`extra.customer`). */
  sensitiveFields: string[];
  /** Keys or dotted paths never scrubbed (`user.ip_address` keeps client IPs). */
  safeFields: string[];
  /** Mask IP addresses in every string and drop `user.ip_address`. */
  scrubIpAddresses: boolean;
  /** Replace scrubbed values with a salted hash instead of a mask, to tell them apart. */
  hashScrubbedValues: boolean;
  /** Fingerprint rules, one a line: `error.type:ChunkLoadError -> chunk-load`. */
  fingerprintRules: string[];
  /** Apdex threshold T in ms: a transaction up to T satisfies, up to 4T is tolerated. */
  apdexThresholdMs: number;
}

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  retentionDays: 90,
  rateLimitPerMinute: 1000,
  filters: DEFAULT_FILTER_SETTINGS,
  storeClientIp: false,
  sensitiveFields: [],
  safeFields: [],
  scrubIpAddresses: true,
  hashScrubbedValues: false,
  fingerprintRules: [],
  apdexThresholdMs: 300,
};

/** Stored (partial) settings merged over the defaults. */
export function resolveProjectSettings(stored: unknown): ProjectSettings {
  const partial = (
    typeof stored === 'object' && stored !== null ? stored : {}
  ) as Partial<ProjectSettings>;
  return {
    ...DEFAULT_PROJECT_SETTINGS,
    ...partial,
    // Stored filters hold only the ones a user changed.
    filters: { ...DEFAULT_PROJECT_SETTINGS.filters, ...partial.filters },
  };
}

type Validator = (value: unknown) => unknown;

const positiveInteger: Validator = (value) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ClientError(400, 'must be a positive integer');
  }
  return value;
};

const nonNegativeInteger: Validator = (value) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ClientError(400, 'must be an integer, 0 or more');
  }
  return value;
};

const boolean: Validator = (value) => {
  if (typeof value !== 'boolean') throw new ClientError(400, 'must be true or false');
  return value;
};

const stringList: Validator = (value) => {
  if (!Array.isArray(value) || value.length > 100) {
    throw new ClientError(400, 'must be an array of at most 100 strings');
  }
  return value.map((entry) => {
    if (typeof entry !== 'string' || !entry.trim() || entry.length > 500) {
      throw new ClientError(400, 'must hold non-empty strings of at most 500 characters');
    }
    return entry.trim();
  });
};

const fingerprintRules: Validator = (value) => {
  const rules = stringList(value) as string[];
  for (const rule of rules) {
    try {
      parseFingerprintRule(rule);
    } catch (error) {
      throw new ClientError(400, `has an invalid rule: ${(error as Error).message}`);
    }
  }
  return rules;
};

/** One validator per setting; an unknown key is a 400, not silently stored. */
const VALIDATORS: { [K in keyof ProjectSettings]: Validator } = {
  retentionDays: positiveInteger,
  rateLimitPerMinute: nonNegativeInteger,
  filters: validateFilterSettings,
  storeClientIp: boolean,
  sensitiveFields: stringList,
  safeFields: stringList,
  scrubIpAddresses: boolean,
  hashScrubbedValues: boolean,
  fingerprintRules,
  apdexThresholdMs: positiveInteger,
};

/**
 * Checks a settings patch from the API and returns it merged over `current`:
 * each setting given replaces the stored one, except `filters`, whose entries
 * are merged into the stored filters.
 */
export function mergeProjectSettings(
  current: Partial<ProjectSettings>,
  patch: Record<string, unknown>,
): Partial<ProjectSettings> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const validate = VALIDATORS[key as keyof ProjectSettings];
    if (!validate) throw new ClientError(400, `unknown setting: ${key}`);
    if (value === null) {
      delete merged[key]; // null resets a setting to its default
      continue;
    }
    try {
      const valid = validate(value);
      // Filters are merged one by one: turning one on keeps the others as set.
      merged[key] =
        key === 'filters'
          ? mergeFilterSettings(current.filters, valid as Partial<FilterSettings>)
          : valid;
    } catch (error) {
      if (error instanceof ClientError)
        throw new ClientError(400, `settings.${key} ${error.message}`);
      throw error;
    }
  }
  return merged as Partial<ProjectSettings>;
}
