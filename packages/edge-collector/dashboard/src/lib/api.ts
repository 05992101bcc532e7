import { navigate } from './router';

/** An answer of the API that was not 2xx, with the reason it gave. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Sends the browser to the sign-in page, to come back here afterwards. */
export function goToLogin(): void {
  if (location.pathname === '/login') return;
  const next = location.pathname + location.search;
  navigate(`/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`, true);
}

async function send(path: string, method: string, body: unknown): Promise<Response> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) return response;
  const detail = await response
    .json()
    .then((value: { detail?: string }) => value.detail)
    .catch(() => undefined);
  if (response.status === 401 && !path.startsWith('/api/0/auth/login/')) goToLogin();
  throw new ApiError(response.status, detail ?? `${method} ${path}: ${response.status}`);
}

/** Calls the read API with the session cookie; JSON in and out, null for a 204. */
export async function api<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await send(path, method, body);
  return (response.status === 204 ? null : await response.json()) as T;
}

/** A page of a list and the URL of the next one (the `Link` header, Sentry's pagination). */
export async function apiPage<T>(path: string): Promise<{ items: T[]; next: string | null }> {
  const response = await send(path, 'GET', undefined);
  const link = response.headers.get('Link') ?? '';
  const match = /<([^>]+)>;\s*rel="next";\s*results="true"/.exec(link);
  const next = match?.[1] ? new URL(match[1], location.href) : null;
  return {
    items: (await response.json()) as T[],
    next: next ? next.pathname + next.search : null,
  };
}
