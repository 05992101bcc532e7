import type { Env } from '../env';
import { ClientError } from '../http/ClientError';

/** Categories one limit covers, as `X-Sentry-Rate-Limits` names them (errors include CSP reports). */
const LIMITED_CATEGORIES: Record<string, string> = {
  error: 'error;default;security',
  security: 'error;default;security',
  transaction: 'transaction',
};

/** The counter a category draws from: errors and CSP reports share one. */
function counterCategory(category: string): string {
  return category === 'security' ? 'error' : category;
}

/** Seconds until the current one-minute window ends (at least 1). */
export function secondsToNextMinute(now: number): number {
  return Math.max(1, Math.ceil((60_000 - (now % 60_000)) / 1000));
}

/**
 * Counts an item against the project's per-minute limit, kept by the project's
 * `ProjectRateLimiter` Durable Object (no D1 write), and answers 429 when the minute is
 * full, with the headers Sentry SDKs back off on: `Retry-After` and
 * `X-Sentry-Rate-Limits: <seconds>:<categories>:<scope>`. Quota is taken when an item
 * is admitted, as Relay does: an item that later fails still used it. A limit of 0
 * turns limiting off.
 */
export async function applyRateLimit(
  env: Env,
  projectId: number,
  category: string,
  limitPerMinute: number,
  now: number,
): Promise<void> {
  if (limitPerMinute <= 0) return;
  const limiter = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(String(projectId)));
  if (await limiter.take(counterCategory(category), limitPerMinute, now)) return;
  const retryAfter = String(secondsToNextMinute(now));
  const categories = LIMITED_CATEGORIES[category] ?? category;
  throw new ClientError(429, `project rate limit of ${limitPerMinute} per minute reached`, {
    'Retry-After': retryAfter,
    'X-Sentry-Rate-Limits': `${retryAfter}:${categories}:project`,
  });
}
