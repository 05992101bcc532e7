import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { digestHex } from '../lib/digestHex';
import { timingSafeEqualText } from '../lib/timingSafeEqualText';
import { useApiToken } from '../store/apiTokens';
import { UPLOAD_SCOPES } from './tokenRoutes';

/** Who may upload: every project (the admin token) or the projects a tool token names. */
export interface UploadGrant {
  projects: number[] | null;
  scopes: string[];
}

export type UploadRequest = IRequest & { uploadGrant?: UploadGrant };

/**
 * Middleware for the endpoints sentry-cli calls: `Authorization: Bearer <token>` with a tool
 * token (`POST /api/0/tokens/`) or the admin token. Sets `request.uploadGrant`.
 */
export async function requireUploadToken(request: UploadRequest, env: Env): Promise<void> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '');
  const token = match?.[1];
  if (!token) {
    throw new ClientError(401, 'missing Authorization: Bearer <token> (SENTRY_AUTH_TOKEN)', {
      'WWW-Authenticate': 'Bearer',
    });
  }
  const admin = env.FAULTLINE_ADMIN_TOKEN;
  if (admin && (await timingSafeEqualText(token, admin))) {
    request.uploadGrant = { projects: null, scopes: ['project:releases', 'project:admin'] };
    return;
  }
  const record = await useApiToken(env.DB, await digestHex('SHA-256', token), Date.now());
  if (!record) throw new ClientError(401, 'invalid token', { 'WWW-Authenticate': 'Bearer' });
  if (!record.scopes.some((scope) => (UPLOAD_SCOPES as readonly string[]).includes(scope))) {
    throw new ClientError(403, `this token has none of the scopes ${UPLOAD_SCOPES.join(', ')}`);
  }
  request.uploadGrant = { projects: record.projects, scopes: record.scopes };
}

/** The grant `requireUploadToken` set; a route behind it always has one. */
export function uploadGrantOf(request: UploadRequest): UploadGrant {
  if (!request.uploadGrant) throw new ClientError(401, 'missing token');
  return request.uploadGrant;
}
