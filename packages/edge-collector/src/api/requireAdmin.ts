import type { IRequest } from 'itty-router';
import { authenticate } from '../auth/authenticate';
import { isAllowed } from '../auth/isAllowed';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import type { Viewer } from '../types/User';

/** A request that passed `requireAdmin`, with who sent it. */
export type AuthenticatedRequest = IRequest & { viewer: Viewer };

/**
 * Middleware for the admin and read API: `Authorization: Bearer <FAULTLINE_ADMIN_TOKEN>`
 * or a dashboard session (see auth/isAllowed for what members may do). Returns
 * nothing when allowed, so itty-router goes on to the route, with `request.viewer` set.
 */
export async function requireAdmin(request: IRequest, env: Env): Promise<void> {
  const viewer = await authenticate(request, env);
  const path = new URL(request.url).pathname;
  if (!isAllowed(viewer, request.method, path)) {
    throw new ClientError(403, 'only an admin may do this');
  }
  (request as AuthenticatedRequest).viewer = viewer;
}
