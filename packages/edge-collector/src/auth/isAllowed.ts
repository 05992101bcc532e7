import type { Viewer } from '../types/User';

const READS = new Set(['GET', 'HEAD']);

/**
 * What a signed-in member may do beyond reading: triage issues (change status,
 * delete). Everything else that changes state — users, tool tokens, projects and
 * their settings, alert rules and webhooks — is for admins (and the admin token).
 */
const MEMBER_WRITES: [string, RegExp][] = [
  ['PUT', /^\/api\/0\/issues\/\d+\/$/],
  ['DELETE', /^\/api\/0\/issues\/\d+\/$/],
];

/** Paths only admins may even read: people and the tool tokens sentry-cli uploads with. */
const ADMIN_ONLY = ['/api/0/users/', '/api/0/tokens/'];

/** Whether `viewer` may call `method path` under /api/0/. */
export function isAllowed(viewer: Viewer, method: string, path: string): boolean {
  if (viewer.role === 'admin') return true;
  if (ADMIN_ONLY.some((prefix) => path.startsWith(prefix))) return false;
  if (READS.has(method)) return true;
  return MEMBER_WRITES.some(([allowed, pattern]) => allowed === method && pattern.test(path));
}
