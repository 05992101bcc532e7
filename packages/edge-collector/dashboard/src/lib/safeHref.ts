/**
 * A URL from event data as a link target, only when it is http(s): `javascript:`,
 * `data:` and the like are shown as text, never made clickable.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
