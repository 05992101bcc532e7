/**
 * Key names whose values are secret wherever they appear (a header, a frame's
 * local variable, a form field, a cookie, a query parameter), as Sentry's data
 * scrubber and Relay's `@password` rule list them, plus a card's `cvc`/`cvv`. Matched case-insensitively
 * anywhere in a key, so `X-Auth-Token`, `user_password` and `sessionid` match;
 * `-` and `_` between words are optional (`api_key`, `apiKey`, `api-key`).
 */
export const DEFAULT_SENSITIVE_KEYS = [
  'password',
  'passwd',
  'pwd',
  'secret',
  'api_key',
  'auth',
  'credential',
  'private_key',
  'token',
  'bearer',
  'session',
  'cookie',
  'csrf',
  'xsrf',
  'jwt',
  'cvc',
  'cvv',
] as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex source matching any of `keys` inside a key name; `_`/`-` optional between words. */
export function sensitiveKeySource(extraKeys: readonly string[] = []): string {
  const words = [...DEFAULT_SENSITIVE_KEYS, ...extraKeys]
    .map((key) => key.trim())
    .filter(Boolean)
    .map((key) =>
      key
        .split(/[-_\s]+/)
        .map(escapeRegExp)
        .join('[-_]?'),
    );
  return `(?:${words.join('|')})`;
}
