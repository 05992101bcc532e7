import type { Env } from '../env';
import { ClientError } from '../http/ClientError';

/**
 * Cross-site request forgery guard for requests a cookie authenticates: a browser
 * always sends `Origin` on a state-changing fetch, and it must be the collector's
 * own origin (or FAULTLINE_PUBLIC_URL's, behind a proxy that rewrites the host).
 */
export function requireSameOrigin(request: Request, env: Env): void {
  const origin = request.headers.get('Origin');
  const allowed = [new URL(request.url).origin];
  if (env.FAULTLINE_PUBLIC_URL) {
    try {
      allowed.push(new URL(env.FAULTLINE_PUBLIC_URL).origin);
    } catch {
      // A malformed public URL allows nothing more.
    }
  }
  if (!origin || !allowed.includes(origin)) {
    throw new ClientError(403, 'this request must come from the dashboard (Origin mismatch)');
  }
}
