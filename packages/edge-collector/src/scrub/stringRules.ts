import { hasCardPrefix, passesIbanCheck, passesLuhn } from './checksums';
import { sensitiveKeySource } from './sensitiveKeys';

/** Masks (or hashes) one secret; `kind` says what it was: `Filtered`, `email`, `ip`… */
export type Mask = (secret: string, kind: string) => string;

/**
 * One kind of secret looked for inside any string. `quick` is a cheap test that
 * skips the regex when it cannot match; `replace` gets the match and its groups.
 */
export interface StringRule {
  quick: (text: string) => boolean;
  pattern: RegExp;
  replace: (mask: Mask, match: string, ...groups: string[]) => string;
}

const IPV4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const HEX_GROUP = '[0-9A-Fa-f]{1,4}';
const API_KEYS = [
  '\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b', // AWS access key id
  '\\bgh[pousr]_[A-Za-z0-9]{36,}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}\\b', // GitHub
  '\\b[sr]k_(?:live|test)_[0-9A-Za-z]{10,}\\b', // Stripe secret and restricted keys
  '\\bxox[abposr]-[0-9A-Za-z-]{10,}\\b|hooks\\.slack\\.com/services/[\\w/]+', // Slack
  '\\bAIza[0-9A-Za-z_-]{35}\\b', // Google API key
].join('|');

/**
 * The secrets and personal data looked for in every string, applied in order:
 * secrets that contain others first (a PEM block, a URL's credentials before
 * the emails inside them). Modelled on Relay's PII rules (`@password`,
 * `@creditcard`, `@iban`, `@usssn`, `@email`, `@ip`, …). Card numbers are
 * masked only when they pass Luhn and start like a card network's number, so
 * millisecond timestamps and order numbers survive. An IPv4 address ending in
 * `.0` is taken for a version number (`Chrome/120.0.0.0`); a URL's host
 * (`http://203.0.113.5/app.js`) names a server, not a person, and loopback
 * addresses no one: those are kept.
 */
export function buildStringRules(extraSensitiveKeys: readonly string[], scrubIps: boolean) {
  const keys = sensitiveKeySource(extraSensitiveKeys);
  const rules: StringRule[] = [
    {
      quick: (t) => t.includes('-----BEGIN'),
      pattern: /-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END[A-Z ]*PRIVATE KEY-----|$)/g,
      replace: (mask, m) => mask(m, 'Filtered'),
    },
    {
      quick: (t) => t.includes('eyJ'),
      pattern: /\beyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]*/g,
      replace: (mask, m) => mask(m, 'Filtered'),
    },
    {
      quick: (t) => /bearer|basic|token /i.test(t),
      pattern: /\b(Bearer|Basic|Token)(\s+)([\w\-.~+/]{8,}=*)/gi,
      // A credential has a digit, an inner capital or `=` padding, or is long:
      // "Basic authentication required" and "token provided" are prose.
      replace: (mask, m, scheme = '', space = '', credential = '') =>
        /\d|.[A-Z]|=$/.test(credential) || credential.length >= 24
          ? `${scheme}${space}${mask(m, 'Filtered')}`
          : m,
    },
    {
      quick: (t) =>
        /AKIA|ASIA|gh[pousr]_|github_pat_|k_live_|k_test_|xox|hooks\.slack|AIza/.test(t),
      pattern: new RegExp(API_KEYS, 'g'),
      replace: (mask, m) => mask(m, 'Filtered'),
    },
    {
      quick: (t) => t.includes('://') && t.includes('@'),
      pattern: /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]+)@/gi,
      replace: (mask, _m, scheme = '', userinfo = '') => `${scheme}${mask(userinfo, 'Filtered')}@`,
    },
    {
      // `token=…` in query strings, form bodies and cookie headers.
      quick: (t) => t.includes('='),
      pattern: new RegExp(
        `(^|[?&;,\\s"'])([\\w.\\-\\[\\]]*${keys}[\\w.\\-\\[\\]]*=)([^&;#\\s"',]+)`,
        'gi',
      ),
      replace: (mask, m, lead = '', key = '', value = '') =>
        value.startsWith('[') ? m : `${lead}${key}${mask(value, 'Filtered')}`,
    },
    {
      // `"password": "…"` in a JSON body kept as text; `'password': '…'` in a Python repr.
      quick: (t) => t.includes('":') || t.includes("':"),
      pattern: new RegExp(
        `((["'])[^"']*${keys}[^"']*\\2\\s*:\\s*)(["'])((?:(?!\\3)[^\\\\]|\\\\.)*)\\3`,
        'gi',
      ),
      replace: (mask, _m, key = '', _q = '', quote = '', value = '') =>
        `${key}${quote}${mask(value, 'Filtered')}${quote}`,
    },
    {
      quick: (t) => t.includes('@'),
      pattern: /\b[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g,
      replace: (mask, m) => mask(m, 'email'),
    },
    {
      quick: (t) => /\d{4}[ -]?\d{4}/.test(t),
      pattern: /\b\d(?:[ -]?\d){12,18}\b/g,
      replace: (mask, m) => {
        const digits = m.replace(/[ -]/g, '');
        return hasCardPrefix(digits) && passesLuhn(digits) ? mask(m, 'creditcard') : m;
      },
    },
    {
      quick: (t) => /[A-Z]{2}\d\d/.test(t),
      pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g,
      replace: (mask, m) => (passesIbanCheck(m) ? mask(m, 'iban') : m),
    },
    {
      quick: (t) => /\d-\d/.test(t),
      pattern: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g,
      replace: (mask, m) => mask(m, 'ssn'),
    },
  ];
  if (scrubIps) {
    rules.push(
      {
        quick: (t) => /\d\.\d/.test(t),
        pattern: new RegExp(
          `(?<![\\w]|\\d\\.|://)(?:${IPV4_OCTET}\\.){3}${IPV4_OCTET}(?![\\w]|\\.\\d)`,
          'g',
        ),
        replace: (mask, m) => (m.endsWith('.0') || m.startsWith('127.') ? m : mask(m, 'ip')),
      },
      {
        quick: (t) => /[\da-f]:|::/i.test(t),
        pattern: new RegExp(
          `(?<![\\w:]|://\\[)(?:${HEX_GROUP}(?::${HEX_GROUP}){7}|(?:${HEX_GROUP}(?::${HEX_GROUP})*)?::(?:${HEX_GROUP}(?::${HEX_GROUP})*)?)(?![\\w:])`,
          'g',
        ),
        // Three groups at least: `::1` and C++/Ruby `A::B` are not worth masking.
        replace: (mask, m) => (m.split(':').filter(Boolean).length >= 3 ? mask(m, 'ip') : m),
      },
    );
  }
  return rules;
}

/** Applies every rule to one string. */
export function scrubString(text: string, rules: readonly StringRule[], mask: Mask): string {
  let result = text;
  for (const { quick, pattern, replace } of rules) {
    if (!quick(result)) continue;
    result = result.replace(pattern, (match: string, ...rest: unknown[]) => {
      // `rest` is the capture groups, then the offset (a number), then the input.
      const groups = rest.slice(
        0,
        rest.findIndex((arg) => typeof arg === 'number'),
      );
      return replace(mask, match, ...groups.map((group) => (group as string | undefined) ?? ''));
    });
  }
  return result;
}
