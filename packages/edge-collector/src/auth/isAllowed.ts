import type { Viewer } from '../types/User';

const READS = new Set(['GET', 'HEAD']);

/**
 * What a signed-in member may do beyond reading: triage issues (change status,
 * delete) and sign out. Everything else that changes state — users, projects and
 * their settings, alert rules and webhooks — is for admins (and the admin token).
 */
const MEMBER_WRITES: [string, RegExp][] = [
  ['PUT', /^\/api\/0\/issues\/\d+\/$/],
  ['DELETE', /^\/api\/0\/issues\/\d+\/$/],
];

/** Whether `viewer` may call `method path` under /api/0/. Users are listed by admins only. */
export function isAllowed(viewer: Viewer, method: string, path: string): boolean {
  if (viewer.role === 'admin') return true;
  if (path.startsWith('/api/0/users/')) return false;
  if (READS.has(method)) return true;
  return MEMBER_WRITES.some(([allowed, pattern]) => allowed === method && pattern.test(path));
}
