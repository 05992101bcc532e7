import type { SentryEvent } from '../protocol/SentryEvent';
import { messageTemplate } from './messageTemplate';

/**
 * Per-project fingerprint rules, in Sentry's syntax: matchers, an arrow, and
 * the fingerprint to give matching events.
 *
 *     error.type:ChunkLoadError -> chunk-load
 *     stack.function:malloc error.value:"*out of memory*" -> oom, {{ default }}
 *     !environment:production message:"Deprecated*" -> deprecations
 *
 * Values are globs (`*`, `?`), case-insensitive; `!` negates a matcher.
 */
export interface FingerprintRule {
  matchers: { field: string; pattern: RegExp; negate: boolean }[];
  fingerprint: string[];
}

const FIELD_ALIASES: Record<string, string> = {
  'error.type': 'error.type',
  type: 'error.type',
  'error.value': 'error.value',
  value: 'error.value',
  message: 'message',
  logger: 'logger',
  level: 'level',
  'stack.function': 'stack.function',
  function: 'stack.function',
  'stack.abs_path': 'stack.abs_path',
  path: 'stack.abs_path',
  'stack.module': 'stack.module',
  module: 'stack.module',
  release: 'release',
  environment: 'environment',
  transaction: 'transaction',
};

function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'is');
}

/** Parses one rule line; throws an Error whose message says what is wrong. */
export function parseFingerprintRule(line: string): FingerprintRule {
  const arrow = line.indexOf('->');
  if (arrow === -1) throw new Error(`"${line}" has no "->"`);
  const matchers: FingerprintRule['matchers'] = [];
  const left = line.slice(0, arrow);
  for (const [token, negate, name = '', quoted, bare] of left.matchAll(
    /(!?)([\w.]+):(?:"((?:[^"\\]|\\.)*)"|(\S+))|\S+/g,
  )) {
    const field = FIELD_ALIASES[name] ?? (name.startsWith('tags.') ? name : undefined);
    if (!field) throw new Error(`"${token}" is not a known matcher like error.type:TypeError`);
    const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? '');
    matchers.push({ field, pattern: globToRegExp(value), negate: negate === '!' });
  }
  const fingerprint = (line.slice(arrow + 2).match(/\{\{[^}]*\}\}|[^\s,]+/g) ?? []).map((part) =>
    part.trim(),
  );
  if (matchers.length === 0) throw new Error(`"${line}" has no matcher before "->"`);
  if (fingerprint.length === 0) throw new Error(`"${line}" has no fingerprint after "->"`);
  return { matchers, fingerprint };
}

function tagValue(event: SentryEvent, key: string): string | undefined {
  const tags = event.tags;
  if (Array.isArray(tags)) return tags.find(([name]) => name === key)?.[1];
  const value = tags?.[key];
  return value === undefined ? undefined : String(value);
}

/** The values a matcher's field has in this event (stack fields: one per frame). */
function fieldValues(event: SentryEvent, field: string): string[] {
  const exceptions = event.exception?.values ?? [];
  const frames = exceptions.flatMap((exception) => exception.stacktrace?.frames ?? []);
  const strings = (values: unknown[]) => values.filter((v): v is string => typeof v === 'string');
  switch (field) {
    case 'error.type':
      return strings(exceptions.map((exception) => exception.type));
    case 'error.value':
      return strings(exceptions.map((exception) => exception.value));
    case 'message':
      return strings([messageTemplate(event)]);
    case 'stack.function':
      return strings(frames.map((frame) => frame.function));
    case 'stack.abs_path':
      return strings(frames.map((frame) => frame.abs_path ?? frame.filename));
    case 'stack.module':
      return strings(frames.map((frame) => frame.module));
    default: {
      if (field.startsWith('tags.')) return strings([tagValue(event, field.slice(5))]);
      return strings([event[field]]);
    }
  }
}

/** The fingerprint of the first rule all of whose matchers match the event, if any. */
export function matchFingerprintRules(
  event: SentryEvent,
  rules: readonly FingerprintRule[],
): string[] | undefined {
  for (const rule of rules) {
    const matches = rule.matchers.every(({ field, pattern, negate }) => {
      const found = fieldValues(event, field).some((value) => pattern.test(value));
      return negate ? !found : found;
    });
    if (matches) return rule.fingerprint;
  }
  return undefined;
}

const parsedRules = new Map<string, FingerprintRule[]>();

/** A project's rule lines parsed once (they were validated when saved; bad lines are skipped). */
export function parseFingerprintRules(lines: readonly string[]): FingerprintRule[] {
  const cacheKey = lines.join('\n');
  let rules = parsedRules.get(cacheKey);
  if (!rules) {
    if (parsedRules.size > 200) parsedRules.clear();
    rules = lines.flatMap((line) => {
      try {
        return [parseFingerprintRule(line)];
      } catch {
        return [];
      }
    });
    parsedRules.set(cacheKey, rules);
  }
  return rules;
}
