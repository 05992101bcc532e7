import type { EventRecord } from '../types/EventRecord';

/** What alert rules look at in an event: its level, environment, release, tags and user. */
export interface EventFacts {
  level: string;
  environment?: string;
  release?: string;
  tags: Record<string, string>;
  /** Who it happened to (see identifyUser); absent when unknown. */
  userKey?: string;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The tags the SDK sent, as an object or as `[key, value]` pairs. */
export function sentTags(event: Record<string, unknown>): Record<string, string> {
  const { tags } = event;
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

/**
 * The facts of an event about to be stored. The record carries the tags counted per
 * issue (browser, os, url, release, environment, user…); other tags the SDK sent are
 * only read from the payload when `withSentTags` (a rule filters on tags).
 */
export function eventFacts(record: EventRecord, withSentTags: boolean): EventFacts {
  const sent = withSentTags ? sentTags(JSON.parse(record.payload) as Record<string, unknown>) : {};
  const tags = { ...sent, ...Object.fromEntries(record.tags ?? []) };
  return {
    level: record.level,
    environment: tags.environment,
    release: record.release ?? undefined,
    tags,
    userKey: record.userKey ?? undefined,
  };
}
