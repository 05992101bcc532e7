import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { timingSafeEqualText } from '../lib/timingSafeEqualText';

/**
 * Middleware for the admin and read API: `Authorization: Bearer <FAULTLINE_ADMIN_TOKEN>`.
 * Returns nothing when the token matches, so itty-router goes on to the route.
 */
export async function requireAdmin(request: Request, env: Env): Promise<void> {
  const expected = env.FAULTLINE_ADMIN_TOKEN;
  if (!expected) {
    throw new ClientError(401, 'FAULTLINE_ADMIN_TOKEN is not configured on this collector');
  }
  const header = request.headers.get('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new ClientError(401, 'missing Authorization: Bearer <admin token>', {
      'WWW-Authenticate': 'Bearer',
    });
  }
  if (!(await timingSafeEqualText(match[1], expected))) {
    throw new ClientError(401, 'invalid admin token', { 'WWW-Authenticate': 'Bearer' });
  }
}
