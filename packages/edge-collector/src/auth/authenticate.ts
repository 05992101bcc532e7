import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { timingSafeEqualText } from '../lib/timingSafeEqualText';
import { selectSessionUser } from '../store/sessions';
import type { Viewer } from '../types/User';
import { requireSameOrigin } from './requireSameOrigin';
import { hashSessionId, readSessionId } from './sessionCookie';

const UNAUTHORIZED = { 'WWW-Authenticate': 'Bearer' };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The admin token in `Authorization: Bearer …`, checked in constant time. */
async function fromBearer(header: string, env: Env): Promise<Viewer> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new ClientError(401, 'missing Authorization: Bearer <admin token>', UNAUTHORIZED);
  }
  const expected = env.FAULTLINE_ADMIN_TOKEN;
  if (!expected) {
    throw new ClientError(401, 'FAULTLINE_ADMIN_TOKEN is not configured on this collector');
  }
  if (!(await timingSafeEqualText(match[1], expected))) {
    throw new ClientError(401, 'invalid admin token', UNAUTHORIZED);
  }
  return { kind: 'token', role: 'admin' };
}

/**
 * Who is calling `/api/0/*`: the bearer token when an Authorization header is sent,
 * else the dashboard session cookie. A cookie-authenticated request that changes
 * state must come from the dashboard's own origin.
 */
export async function authenticate(request: Request, env: Env): Promise<Viewer> {
  const header = request.headers.get('Authorization');
  if (header) return fromBearer(header, env);
  const sessionId = readSessionId(request);
  if (!sessionId) {
    throw new ClientError(
      401,
      'sign in, or send Authorization: Bearer <admin token>',
      UNAUTHORIZED,
    );
  }
  const sessionHash = await hashSessionId(sessionId);
  const session = await selectSessionUser(env.DB, sessionHash, Date.now());
  if (!session) throw new ClientError(401, 'your session has ended: sign in again', UNAUTHORIZED);
  if (!SAFE_METHODS.has(request.method)) requireSameOrigin(request, env);
  return {
    kind: 'session',
    role: session.role,
    userId: session.userId,
    email: session.email,
    sessionHash,
  };
}
