import { ClientError } from '../http/ClientError';

/** Which inbound filters a project runs; see `findInboundFilter`. */
export interface FilterSettings {
  /** Errors raised in browser extensions (chrome-extension://, moz-extension://, …). */
  browserExtensions: boolean;
  /** `Script error.`: a cross-origin script's error with nothing to act on. */
  scriptErrors: boolean;
  /** `ResizeObserver loop …` notices browsers report as errors. */
  resizeObserver: boolean;
  /** Events from known web crawlers' user agents. */
  webCrawlers: boolean;
  /** Events from localhost / 127.0.0.1 / ::1 pages or users. */
  localhost: boolean;
  /** Globs (`*` = anything, case-insensitive) matched against the message and `Type: value`. */
  ignoreMessages: string[];
  /** Globs matched against the event's release. */
  ignoreReleases: string[];
}

export const DEFAULT_FILTER_SETTINGS: FilterSettings = {
  browserExtensions: true,
  scriptErrors: true,
  resizeObserver: true,
  webCrawlers: true,
  localhost: false,
  ignoreMessages: [],
  ignoreReleases: [],
};

const MAX_PATTERNS = 100;
const MAX_PATTERN_LENGTH = 500;

function validatePatterns(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || value.length > MAX_PATTERNS) {
    throw new ClientError(400, `${key} must be an array of at most ${MAX_PATTERNS} globs`);
  }
  for (const pattern of value) {
    if (typeof pattern !== 'string' || !pattern || pattern.length > MAX_PATTERN_LENGTH) {
      throw new ClientError(400, `${key} must hold non-empty strings`);
    }
  }
  return value as string[];
}

/**
 * Validates a `settings.filters` patch from the API. Keys left out keep what
 * the project had (or the defaults), so `{"localhost": true}` turns that one
 * filter on; a `null` value puts that filter back to its default.
 */
export function validateFilterSettings(value: unknown): Partial<FilterSettings> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ClientError(400, 'must be an object');
  }
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const fallback = DEFAULT_FILTER_SETTINGS[key as keyof FilterSettings];
    if (fallback === undefined) throw new ClientError(400, `has no filter named ${key}`);
    if (entry === null) result[key] = null;
    else if (Array.isArray(fallback)) result[key] = validatePatterns(entry, key);
    else if (typeof entry === 'boolean') result[key] = entry;
    else throw new ClientError(400, `${key} must be true or false`);
  }
  return result as Partial<FilterSettings>;
}

/** A validated filters patch over the stored filters: only the filters named change. */
export function mergeFilterSettings(
  stored: Partial<FilterSettings> | undefined,
  patch: Partial<FilterSettings>,
): Partial<FilterSettings> {
  const merged: Record<string, unknown> = { ...stored, ...patch };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
  }
  return merged as Partial<FilterSettings>;
}
