import type { AlertFrame } from '../AlertPayload';

/** `checkout (app.js:12:18)`, one line per frame. */
export function describeFrames(frames: AlertFrame[]): string {
  return frames
    .map((frame) => {
      const position = [frame.filename, frame.lineno, frame.colno].filter(
        (part) => part !== null && part !== '',
      );
      return `${frame.function} (${position.join(':')})`;
    })
    .join('\n');
}

/** `shop · error · unresolved · 12 events · release 1.4.0 · production`. */
export function describeFacts(payload: {
  project: { name: string };
  issue: { level: string; status: string; count: number } | null;
  event: { release: string | null; environment: string | null } | null;
}): string {
  const { issue, event } = payload;
  return [
    payload.project.name,
    issue?.level,
    issue?.status,
    issue && `${issue.count} event${issue.count === 1 ? '' : 's'}`,
    event?.release && `release ${event.release}`,
    event?.environment,
  ]
    .filter(Boolean)
    .join(' · ');
}
