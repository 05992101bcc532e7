/** A stored event's `request`, as SDKs send it. */
export interface EventRequest {
  method?: string;
  url?: string;
  query_string?: string | [string, string][] | Record<string, string>;
  headers?: Record<string, string> | [string, string][];
  data?: unknown;
  cookies?: unknown;
}

/** POSIX shell single quotes: nothing inside is expanded. */
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

function queryString(query: EventRequest['query_string']): string {
  if (!query) return '';
  if (typeof query === 'string') return query.replace(/^\?/, '');
  const pairs = Array.isArray(query) ? query : Object.entries(query);
  return new URLSearchParams(pairs.map(([key, value]) => [String(key), String(value)])).toString();
}

/** The request as a `curl` command to replay it (headers and body as stored, scrubbed values too). */
export function toCurl(request: EventRequest): string {
  const url = new URL(request.url ?? 'http://unknown/');
  const query = queryString(request.query_string);
  if (query && !url.search) url.search = query;
  const parts = ['curl'];
  const method = (request.method ?? 'GET').toUpperCase();
  if (method !== 'GET') parts.push('-X', quote(method));
  const headers = Array.isArray(request.headers)
    ? request.headers
    : Object.entries(request.headers ?? {});
  for (const [name, value] of headers) {
    if (/^(content-length|host)$/i.test(name)) continue;
    parts.push('-H', quote(`${name}: ${value}`));
  }
  if (request.data !== undefined && request.data !== null && request.data !== '') {
    const body = typeof request.data === 'string' ? request.data : JSON.stringify(request.data);
    parts.push('--data-raw', quote(body));
  }
  parts.push(quote(url.href));
  return parts.join(' ');
}
