import { sha256Sync } from '../lib/sha256Sync';
import { sensitiveKeySource } from './sensitiveKeys';
import { buildStringRules, type Mask, type StringRule, scrubString } from './stringRules';

export interface ScrubOptions {
  /**
   * More keys to filter: a name is matched like the defaults, inside key names
   * (`card` filters `card_number`); a dotted path (`extra.customer`) only there.
   */
  sensitiveFields?: readonly string[];
  /** Keys (`order_email`) or dotted paths (`extra.order_email`) left untouched. */
  safeFields?: readonly string[];
  /** Mask IPv4/IPv6 addresses in strings and drop `user.ip_address`; on by default. */
  scrubIpAddresses?: boolean;
  /** Replace secrets with a salted hash (`[email:1f2e…]`) instead of `[email]`. */
  hashScrubbedValues?: boolean;
  /** The project's salt for hashed values. */
  salt?: string;
}

/** Identifiers, versions and code names: neither key rules nor string patterns apply. */
const STRUCTURAL_KEYS = new Set([
  'event_id',
  'trace_id',
  'span_id',
  'parent_span_id',
  'segment_id',
  'timestamp',
  'start_timestamp',
  'release',
  'dist',
  'environment',
  'platform',
  'level',
  'type',
  'function',
  'module',
  'op',
  'status',
]);
/** Top-level parts that describe the SDK and installed packages, not the user: never scrubbed. */
const UNTOUCHED_TOP_LEVEL = new Set(['sdk', 'debug_meta', 'modules']);
/** No rule matches fewer characters (`pwd=x`): shorter strings are not even looked at. */
const SHORTEST_SECRET = 5;
const REMOVE = Symbol('remove');

interface Scrubber {
  isSensitiveKey: (key: string) => boolean;
  rules: readonly StringRule[];
  mask: Mask;
  safe: Set<string>;
  sensitivePaths: Set<string>;
  /** Whether any safe field or sensitive path is set, so paths must be built. */
  tracksPaths: boolean;
  scrubIps: boolean;
  userIdSensitive: boolean;
}

interface Compiled {
  isSensitiveKey: (key: string) => boolean;
  rules: StringRule[];
}

const compiled = new Map<string, Compiled>();

function compile(extraKeys: readonly string[], scrubIps: boolean) {
  const cacheKey = JSON.stringify([extraKeys, scrubIps]);
  let entry = compiled.get(cacheKey);
  if (!entry) {
    if (compiled.size > 200) compiled.clear();
    const keyPattern = new RegExp(sensitiveKeySource(extraKeys), 'i');
    const verdicts = new Map<string, boolean>(); // events repeat the same few hundred keys
    const isSensitiveKey = (key: string) => {
      let verdict = verdicts.get(key);
      if (verdict === undefined) {
        verdict = !STRUCTURAL_KEYS.has(key.toLowerCase()) && keyPattern.test(key);
        if (verdicts.size < 10_000) verdicts.set(key, verdict);
      }
      return verdict;
    };
    entry = { isSensitiveKey, rules: buildStringRules(extraKeys, scrubIps) };
    compiled.set(cacheKey, entry);
  }
  return entry;
}

/** `[["Cookie", "…"], …]`: Sentry's list form of headers, cookies and query strings. */
function isPairList(value: unknown[]): value is [string, unknown][] {
  return value.every(
    (item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string',
  );
}

function maskWhole(value: unknown, scrubber: Scrubber): unknown {
  if (value === null || typeof value === 'boolean' || value === undefined) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return scrubber.mask(text, 'Filtered');
}

function scrubNode(value: unknown, key: string, path: string, scrubber: Scrubber): unknown {
  if (typeof value === 'string') {
    if (value.length < SHORTEST_SECRET || STRUCTURAL_KEYS.has(key) || key.endsWith('version')) {
      return value;
    }
    return scrubString(value, scrubber.rules, scrubber.mask);
  }
  if (typeof value === 'number') {
    // A card number sent as a JSON number.
    if (!Number.isSafeInteger(value) || value < 1e12) return value;
    const text = String(value);
    const scrubbed = scrubString(text, scrubber.rules, scrubber.mask);
    return scrubbed === text ? value : scrubbed;
  }
  if (Array.isArray(value)) {
    if (value.length > 0 && isPairList(value)) {
      return value.map(([name, item]) => [name, scrubEntry(name, item, path, scrubber)]);
    }
    return value.map((item) => scrubNode(item, key, path, scrubber));
  }
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      if (path === '' && UNTOUCHED_TOP_LEVEL.has(name)) {
        result[name] = item;
        continue;
      }
      const scrubbed = scrubEntry(name, item, path, scrubber);
      if (scrubbed !== REMOVE) result[name] = scrubbed;
    }
    return result;
  }
  return value;
}

/** Stands for a path nobody asked about: building every path costs more than the scrubbing. */
const UNTRACKED = '*';

function scrubEntry(key: string, value: unknown, parentPath: string, scrubber: Scrubber): unknown {
  const lowerKey = key.toLowerCase();
  const tracked = scrubber.tracksPaths || parentPath === '' || parentPath === 'user';
  const path = !tracked ? UNTRACKED : parentPath === '' ? lowerKey : `${parentPath}.${lowerKey}`;
  if (scrubber.tracksPaths) {
    if (scrubber.safe.has(lowerKey) || scrubber.safe.has(path)) return value;
    if (scrubber.sensitivePaths.has(path)) return maskWhole(value, scrubber);
  }
  if (path === 'user.id') return scrubber.userIdSensitive ? maskWhole(value, scrubber) : value;
  if (path === 'user.ip_address' && (scrubber.scrubIps || value === '{{auto}}')) return REMOVE;
  if (scrubber.isSensitiveKey(key)) return maskWhole(value, scrubber);
  return scrubNode(value, lowerKey, path, scrubber);
}

/**
 * Removes secrets and personal data from an event or a transaction before
 * anything is stored: values under sensitive keys become `[Filtered]`, and
 * emails, card numbers, IBANs, SSNs, tokens, keys, URL credentials and IP
 * addresses inside any string are masked (see `buildStringRules`). It walks the
 * whole payload, so message, exception values, frame vars, breadcrumbs,
 * request, user, extra, contexts, tags, spans and transaction names are all
 * covered. `user.id` survives unless `id` or `user.id` is listed as sensitive.
 * Returns a scrubbed copy; the input is not changed.
 *
 * @example
 * scrubEvent({ extra: { password: 'hunter2', note: 'mail a@b.co' } }, {})
 * // → { extra: { password: '[Filtered]', note: 'mail [email]' } }
 */
export function scrubEvent<T extends object>(event: T, options: ScrubOptions = {}): T {
  const fields = (options.sensitiveFields ?? []).map((field) => field.trim().toLowerCase());
  const extraKeys = fields.filter((field) => field && !field.includes('.'));
  const scrubIps = options.scrubIpAddresses ?? true;
  const { isSensitiveKey, rules } = compile(extraKeys, scrubIps);
  const salt = options.salt ?? '';
  const mask: Mask = options.hashScrubbedValues
    ? (secret, kind) => `[${kind}:${sha256Sync(`${salt}\u0000${secret}`).slice(0, 16)}]`
    : (_secret, kind) => `[${kind}]`;
  const safe = new Set((options.safeFields ?? []).map((field) => field.trim().toLowerCase()));
  const sensitivePaths = new Set(fields.filter((field) => field.includes('.')));
  const scrubber: Scrubber = {
    isSensitiveKey,
    rules,
    mask,
    safe,
    sensitivePaths,
    tracksPaths: safe.size > 0 || sensitivePaths.size > 0,
    scrubIps,
    userIdSensitive: extraKeys.includes('id'),
  };
  return scrubNode(event, '', '', scrubber) as T;
}

/**
 * Whether `scrubEvent` masks `user.id` under these options (`id` or `user.id`
 * listed as sensitive, and neither listed as safe), so that nothing else
 * derived from the id, such as the distinct-user key, may keep it in clear.
 */
export function masksUserId(options: ScrubOptions): boolean {
  const listed = (fields: readonly string[] | undefined) =>
    (fields ?? []).some((field) => ['id', 'user.id'].includes(field.trim().toLowerCase()));
  return listed(options.sensitiveFields) && !listed(options.safeFields);
}
