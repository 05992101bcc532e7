import type { ReleaseSpan } from '../store/cronAlerts';

/**
 * The release current in a window (the one seen last, the newest on a tie)
 * and the previous one: the release first seen before it. Null when either is
 * missing.
 */
export function previousRelease(
  spans: ReleaseSpan[],
  windowStartHour: number,
): { current: ReleaseSpan; previous: ReleaseSpan } | null {
  const inWindow = spans.filter((span) => span.lastHour >= windowStartHour);
  const current = inWindow.sort((a, b) => b.lastHour - a.lastHour || b.firstHour - a.firstHour)[0];
  if (!current) return null;
  const previous = spans
    .filter((span) => span.firstHour < current.firstHour)
    .sort((a, b) => b.firstHour - a.firstHour)[0];
  return previous ? { current, previous } : null;
}
