import type { IRequest } from 'itty-router';
import { hashPassword, verifyPassword } from '../auth/hashPassword';
import { lockedUntilAfter } from '../auth/loginThrottle';
import { requireSameOrigin } from '../auth/requireSameOrigin';
import {
  clearedSessionCookie,
  hashSessionId,
  readSessionId,
  SESSION_TTL_MS,
  sessionCookie,
} from '../auth/sessionCookie';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { readJson } from '../http/readJson';
import { randomHex } from '../lib/randomHex';
import { deleteSession, insertSession } from '../store/sessions';
import {
  clearFailedLogins,
  recordFailedLogin,
  selectUserByEmail,
  updateLockedUntil,
} from '../store/users';
import type { AuthenticatedRequest } from './requireAdmin';

const WRONG = 'wrong e-mail or password';

function lockedError(until: number, now: number): ClientError {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  return new ClientError(429, `too many wrong passwords: try again in ${seconds} s`, {
    'Retry-After': String(seconds),
  });
}

/**
 * `POST /api/0/auth/login/` `{email, password}` → the user, and a new session cookie
 * (any session the browser held is ended: sessions rotate at sign-in). Wrong
 * passwords in a row slow the account down, then lock it (auth/loginThrottle).
 */
export async function loginRoute(request: IRequest, env: Env): Promise<Response> {
  requireSameOrigin(request, env);
  const body = await readJson(request, 4096);
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  const password = typeof body.password === 'string' ? body.password : '';
  if (!email || !password) throw new ClientError(400, 'email and password are required');
  const now = Date.now();
  const user = await selectUserByEmail(env.DB, email);
  if (!user) {
    await hashPassword(password); // as slow as a known account: e-mails cannot be probed
    throw new ClientError(401, WRONG);
  }
  if (user.lockedUntil !== null && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);
  const stored = {
    hash: user.passwordHash,
    salt: user.passwordSalt,
    iterations: user.passwordIterations,
  };
  if (!(await verifyPassword(password, stored))) {
    const failures = await recordFailedLogin(env.DB, user.id);
    const lockedUntil = lockedUntilAfter(failures, now);
    await updateLockedUntil(env.DB, user.id, lockedUntil);
    throw new ClientError(401, WRONG);
  }
  await clearFailedLogins(env.DB, user.id);
  const sessionId = randomHex(32);
  const previous = readSessionId(request);
  await insertSession(
    env.DB,
    {
      idHash: await hashSessionId(sessionId),
      userId: user.id,
      now,
      expiresAt: now + SESSION_TTL_MS,
    },
    previous ? await hashSessionId(previous) : null,
  );
  return json(
    { user: { id: String(user.id), email: user.email, role: user.role } },
    { headers: { 'Set-Cookie': sessionCookie(request, sessionId), 'Cache-Control': 'no-store' } },
  );
}

/** `POST /api/0/auth/logout/` → 204; the session is deleted and the cookie cleared. */
export async function logoutRoute(request: IRequest, env: Env): Promise<Response> {
  requireSameOrigin(request, env);
  const sessionId = readSessionId(request);
  if (sessionId) await deleteSession(env.DB, await hashSessionId(sessionId));
  return new Response(null, {
    status: 204,
    headers: { 'Set-Cookie': clearedSessionCookie(request) },
  });
}

/** `GET /api/0/auth/session/` → who is signed in (or that the admin token is used). */
export function sessionRoute(request: IRequest): Response {
  const { viewer } = request as AuthenticatedRequest;
  if (viewer.kind === 'token') return json({ kind: 'token', user: null, role: 'admin' });
  return json(
    {
      kind: 'session',
      role: viewer.role,
      user: { id: String(viewer.userId), email: viewer.email, role: viewer.role },
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
