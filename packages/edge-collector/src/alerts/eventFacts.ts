/** What alert rules look at in an event: its level, environment, release, tags and user. */
export interface EventFacts {
  level: string;
  environment?: string;
  release?: string;
  tags: Record<string, string>;
  /** The user's id, else email, username or IP address; absent for anonymous events. */
  userKey?: string;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Sentry sends tags as an object or as `[key, value]` pairs. */
function readTags(tags: unknown): Record<string, string> {
  const entries = Array.isArray(tags) ? tags : Object.entries((tags as object | null) ?? {});
  const result: Record<string, string> = {};
  for (const entry of entries) {
    if (!Array.isArray(entry)) continue;
    const key = asText(entry[0]);
    const value = asText(entry[1]);
    if (key && value !== undefined) result[key] = value;
  }
  return result;
}

function readUserKey(user: unknown): string | undefined {
  if (typeof user !== 'object' || user === null) return undefined;
  const fields = user as Record<string, unknown>;
  for (const field of ['id', 'email', 'username', 'ip_address'] as const) {
    const value = asText(fields[field]);
    if (value) return `${field}:${value}`;
  }
  return undefined;
}

/** Reads the facts from an event as stored (its JSON payload). */
export function eventFacts(event: Record<string, unknown>): EventFacts {
  const tags = readTags(event.tags);
  return {
    level: asText(event.level) ?? 'error',
    environment: asText(event.environment) ?? tags.environment,
    release: asText(event.release) ?? tags.release,
    tags,
    userKey: readUserKey(event.user),
  };
}
