/** The first retry comes after this; each next one waits twice as long. */
export const DEFAULT_RETRY_BASE_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;
/** A delivery still failing this long after its alert fired is given up. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * When to try a failed delivery again, or null to give up: exponential back-off
 * (30 s, 1 min, 2 min, … at most 6 h apart) for up to 24 hours, never sooner than the
 * receiver's `Retry-After`. The last attempt is made at the 24-hour mark rather than
 * the back-off giving up hours before it. The cron runs every minute, so the first
 * retry happens about a minute after a failure.
 */
export function nextAttemptAt(input: {
  attempts: number;
  createdAt: number;
  now: number;
  retryAfterMs?: number;
  baseMs?: number;
}): number | null {
  const base = input.baseMs ?? DEFAULT_RETRY_BASE_MS;
  const deadline = input.createdAt + GIVE_UP_AFTER_MS;
  const backoff = Math.min(base * 2 ** Math.max(0, input.attempts - 1), MAX_DELAY_MS);
  const earliest = input.now + (input.retryAfterMs ?? 0);
  if (input.now >= deadline || earliest > deadline) return null;
  return Math.min(Math.max(input.now + backoff, earliest), deadline);
}

/**
 * `Retry-After` in seconds or as an HTTP date (Slack sends seconds); Discord also puts
 * `retry_after` (seconds) in its JSON body. Capped at an hour.
 */
export function parseRetryAfter(
  header: string | null,
  body: string,
  now: number,
): number | undefined {
  let ms: number | undefined;
  if (header && /^\d+(\.\d+)?$/.test(header.trim())) ms = Number(header) * 1000;
  else if (header && !Number.isNaN(Date.parse(header))) ms = Date.parse(header) - now;
  if (ms === undefined) {
    const match = /"retry_after"\s*:\s*(\d+(?:\.\d+)?)/.exec(body);
    if (match?.[1]) ms = Number(match[1]) * 1000;
  }
  return ms === undefined ? undefined : Math.min(Math.max(ms, 0), 60 * 60 * 1000);
}
