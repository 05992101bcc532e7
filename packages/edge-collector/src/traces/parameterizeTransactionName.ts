// Relay's identifier scrubbing for URL transaction names (relay-event-normalization,
// `regexes.rs` TRANSACTION_NAME_NORMALIZER_REGEX and `transactions/processor.rs`
// `scrub_identifiers`): UUIDs, SHA-1 / MD5 hex hashes, dates, 0x-hex numbers and any
// path segment holding a run of two or more digits become `*`. Sentry keeps single
// digits (`/v2/`), so does this. `\b` here is ASCII-only, as Relay's `(?-u:\b)`.

const WEEKDAY = '(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const ZONE = '(?:[+-][0-2][0-9]:[0-5][0-9]|Z)';
const DATE = [
  `[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\\.[0-9]+${ZONE}`,
  `[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]${ZONE}`,
  `[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]${ZONE}`,
  `\\b(?:${WEEKDAY}\\s+)?${MONTH}\\s+[0-9]{1,2}\\s+[0-9]{2}:[0-9]{2}:[0-9]{2}\\s+[0-9]{4}`,
  `\\b(?:${WEEKDAY},\\s+)?(?:0[1-9]|[1-2]?[0-9]|3[01])\\s+${MONTH}\\s+(?:19[0-9]{2}|[2-9][0-9]{3})\\s+(?:2[0-3]|[0-1][0-9]):[0-5][0-9](?::(?:60|[0-5][0-9]))?\\s+(?:[-+][0-9]{2}[0-5][0-9]|UT|GMT|[ECMP][SD]T|[A-IK-Z])`,
].join('|');
const SEGMENT = '[^/\\\\]*';
const IDENTIFIER = new RegExp(
  [
    `(?<uuid>${SEGMENT}\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b${SEGMENT})`,
    `(?<sha1>${SEGMENT}\\b[0-9a-fA-F]{40}\\b${SEGMENT})`,
    `(?<md5>${SEGMENT}\\b[0-9a-fA-F]{32}\\b${SEGMENT})`,
    `(?<date>${SEGMENT}(?:${DATE})${SEGMENT})`,
    `(?<hex>${SEGMENT}\\b0[xX][0-9a-fA-F]+\\b${SEGMENT})`,
    // The separator stays; the identifier is the rest of the segment.
    `(?:^|[/\\\\])(?<int>(?::?[^%/\\\\]|%[0-9a-fA-F]{2})*[0-9]{2,}${SEGMENT})`,
  ].join('|'),
  'g',
);

/** Replaces every identifier in a URL path with `*` (Relay's `scrub_identifiers`). */
export function scrubIdentifiers(path: string): string {
  let result = '';
  let last = 0;
  for (const match of path.matchAll(IDENTIFIER)) {
    const groups = match.groups ?? {};
    const found = Object.values(groups).find((value) => value !== undefined);
    if (found === undefined) continue;
    // The `int` group starts after the separator its alternative consumed.
    const start = (match.index ?? 0) + match[0].length - found.length;
    result += `${path.slice(last, start)}*`;
    last = start + found.length;
  }
  result += path.slice(last);
  // Relay keeps the name when nothing but `*` would be left.
  return result === '*' || result === '' ? path : result;
}

export interface NamedTransaction {
  name: string;
  /** Sentry's transaction source: `url`, `route`, `custom`, `component`, `view`, `task`, … */
  source: string;
}

/**
 * As Relay's `normalize_transaction_name`: a name taken from a URL (source
 * `url` or `sanitized`, or no source and a `/` in it, as old SDKs send) has
 * its identifiers replaced and becomes source `sanitized`; a name the client
 * set (a route, a custom or component name) is kept as sent.
 */
export function parameterizeTransactionName({ name, source }: NamedTransaction): NamedTransaction {
  const fromUrl = source === 'url' || source === 'sanitized' || (!source && name.includes('/'));
  if (!fromUrl) return { name, source: source || 'unknown' };
  return { name: scrubIdentifiers(name), source: 'sanitized' };
}
