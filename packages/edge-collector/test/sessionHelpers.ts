import { admin, BASE, call } from './helpers';

export const ORIGIN = BASE;

/** Creates a user with the admin token; a unique e-mail per call. */
export async function createUser(role: 'admin' | 'member', password = 'correct horse battery') {
  const email = `${role}-${crypto.randomUUID()}@example.com`;
  const user = await admin<{ id: string; email: string; role: string }>('/api/0/users/', {
    method: 'POST',
    body: JSON.stringify({ email, password, role }),
  });
  return { ...user, password };
}

export function login(email: string, password: string, headers: Record<string, string> = {}) {
  return call('/api/0/auth/login/', {
    method: 'POST',
    headers: { Origin: ORIGIN, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** The `name=value` part of a response's Set-Cookie, to send back as Cookie. */
export function cookieOf(response: Response): string {
  const header = response.headers.get('Set-Cookie') ?? '';
  return header.split(';')[0] ?? '';
}

/** Signs in and returns the Cookie header value of the new session. */
export async function signIn(email: string, password: string): Promise<string> {
  const response = await login(email, password);
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  return cookieOf(response);
}

/** A request with the session cookie (and the dashboard's Origin unless told otherwise). */
export function withSession(cookie: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('Cookie', cookie);
  if (!headers.has('Origin')) headers.set('Origin', ORIGIN);
  return call(path, { ...init, headers });
}
