/** The origin of an http(s) URL in a header, or undefined (`null`, `file:`, extensions, junk). */
function httpOrigin(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page a browser request comes from, as Relay reads it: the `Origin`
 * header if it is an http(s) URL, else the `Referer`'s origin (browsers omit
 * `Origin` on some same-origin and `no-cors` requests but send a Referer).
 * Null for server SDKs, which send neither.
 */
export function requestOrigin(request: Request): string | null {
  return (
    httpOrigin(request.headers.get('Origin')) ?? httpOrigin(request.headers.get('Referer')) ?? null
  );
}
