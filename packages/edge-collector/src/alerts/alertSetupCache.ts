import { selectAlertSetup } from '../store/alertRules';
import type { AlertSetup } from './planAlerts';

/**
 * Rules change rarely and every event needs them, so each Worker instance keeps a
 * project's rules for a few seconds instead of reading them for every event. An
 * instance that changes rules forgets its copy at once; others within `TTL_MS`.
 */
const TTL_MS = 10_000;
const cache = new Map<number, { setup: AlertSetup; expires: number }>();

export async function loadAlertSetup(db: D1Database, projectId: number): Promise<AlertSetup> {
  const now = Date.now();
  const cached = cache.get(projectId);
  if (cached && cached.expires > now) return cached.setup;
  const setup = await selectAlertSetup(db, projectId);
  if (cache.size > 1000) cache.clear();
  cache.set(projectId, { setup, expires: now + TTL_MS });
  return setup;
}

/** Called after a rule or webhook of the project changes. */
export function forgetAlertSetup(projectId: number): void {
  cache.delete(projectId);
}
