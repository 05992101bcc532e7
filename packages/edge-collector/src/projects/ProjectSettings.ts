import { ClientError } from '../http/ClientError';

/**
 * Per-project settings, stored as JSON in `projects.settings` and changed with
 * `PUT /api/0/projects/:id/`. Stored values are only what the user set; every
 * reader goes through `resolveProjectSettings`, the one place defaults live.
 */
export interface ProjectSettings {
  /** Days events are kept before the retention cleanup deletes them. */
  retentionDays: number;
}

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  retentionDays: 90,
};

/** Stored (partial) settings merged over the defaults. */
export function resolveProjectSettings(stored: unknown): ProjectSettings {
  const partial = typeof stored === 'object' && stored !== null ? stored : {};
  return { ...DEFAULT_PROJECT_SETTINGS, ...(partial as Partial<ProjectSettings>) };
}

type Validator = (value: unknown) => unknown;

const positiveInteger: Validator = (value) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ClientError(400, 'must be a positive integer');
  }
  return value;
};

/** One validator per setting; an unknown key is a 400, not silently stored. */
const VALIDATORS: { [K in keyof ProjectSettings]: Validator } = {
  retentionDays: positiveInteger,
};

/** Checks a settings patch from the API and returns it merged over `current`. */
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
      merged[key] = validate(value);
    } catch (error) {
      if (error instanceof ClientError)
        throw new ClientError(400, `settings.${key} ${error.message}`);
      throw error;
    }
  }
  return merged as Partial<ProjectSettings>;
}
