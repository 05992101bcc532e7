/** The dashboard's session cookie; its value is a random id, stored hashed. */
export const SESSION_COOKIE = 'faultline_session';

/** How long a session lasts after sign-in. */
export const SESSION_TTL_MS = 7 * 24 * 3600_000;

/** The session id a request carries, if any. */
export function readSessionId(request: Request): string | null {
  const header = request.headers.get('Cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (name === SESSION_COOKIE && /^[0-9a-f]{64}$/.test(value)) return value;
  }
  return null;
}

/** HttpOnly so scripts never see it, SameSite=Lax against cross-site posts, Secure over https. */
function attributes(request: Request, maxAgeSeconds: number): string {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function sessionCookie(request: Request, id: string): string {
  return `${SESSION_COOKIE}=${id}; ${attributes(request, SESSION_TTL_MS / 1000)}`;
}

export function clearedSessionCookie(request: Request): string {
  return `${SESSION_COOKIE}=; ${attributes(request, 0)}`;
}

/** SHA-256 hex of a session id: what the sessions table keys on. */
export async function hashSessionId(id: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
