import type { SentryEvent } from '../protocol/SentryEvent';

/** The tags whose values are counted per issue. */
export const ISSUE_TAG_KEYS = [
  'browser',
  'os',
  'device',
  'url',
  'release',
  'environment',
  'user',
  'server_name',
] as const;

const MAX_VALUE_LENGTH = 200;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** `Chrome 120` from a context `{name: 'Chrome', version: '120.0.6099.109'}`. */
function nameAndMajor(context: unknown): string | undefined {
  const { name, version } = record(context);
  const label = text(name);
  if (!label) return undefined;
  const major = text(version)?.split('.')[0];
  return major ? `${label} ${major}` : label;
}

function sentTags(event: SentryEvent): Map<string, string> {
  const entries = Array.isArray(event.tags) ? event.tags : Object.entries(event.tags ?? {});
  const tags = new Map<string, string>();
  for (const [key, value] of entries) {
    const value_ = text(value);
    if (typeof key === 'string' && value_) tags.set(key, value_);
  }
  return tags;
}

/**
 * The tag values an event adds to its issue's counts, as `[key, value]`
 * pairs: a tag the SDK sent wins, else the value is derived from the event
 * (browser and os from contexts, the request URL without query or hash, the
 * release, environment and server name, and the user key).
 */
export function eventTags(event: SentryEvent, userKey: string | null): [string, string][] {
  const tags = sentTags(event);
  const contexts = record(event.contexts);
  const device = record(contexts.device);
  const url = text(event.request?.url)?.replace(/[?#].*$/, '');
  const derived: Record<(typeof ISSUE_TAG_KEYS)[number], string | undefined> = {
    browser: nameAndMajor(contexts.browser),
    os: nameAndMajor(contexts.os),
    device: text(device.model) ?? text(device.family),
    url,
    release: text(event.release),
    environment: text(event.environment),
    user: userKey ?? undefined,
    server_name: text(event.server_name),
  };
  const pairs: [string, string][] = [];
  for (const key of ISSUE_TAG_KEYS) {
    const value = (key === 'user' ? undefined : tags.get(key)) ?? derived[key];
    if (value) pairs.push([key, value.slice(0, MAX_VALUE_LENGTH)]);
  }
  return pairs;
}
