import { randomBytes } from 'node:crypto';
import type { Collector, Project } from './collector';

/**
 * Sends one error event in an envelope, as an SDK would; returns its event id.
 * A 503 is retried with the same body, as SDKs retry it: `wrangler dev` answers
 * 503 for requests in flight when it restarts its runtime under a burst, and
 * the collector stores a resent event id once.
 */
export async function sendError(
  collector: Collector,
  project: Project,
  options: { type?: string; message?: string; release?: string; user?: object } = {},
): Promise<string> {
  const eventId = randomBytes(16).toString('hex');
  const event = {
    event_id: eventId,
    platform: 'javascript',
    level: 'error',
    release: options.release,
    environment: 'production',
    user: options.user,
    tags: { browser: 'Chrome' },
    exception: {
      values: [
        {
          type: options.type ?? 'TypeError',
          value: options.message ?? "Cannot read properties of undefined (reading 'items')",
          raw_stack: [
            `${options.type ?? 'TypeError'}: ${options.message ?? 'boom'}`,
            '    at checkout (https://shop.test/static/app.js:12:18)',
            '    at HTMLButtonElement.onclick (https://shop.test/static/app.js:30:5)',
          ].join('\n'),
        },
      ],
    },
  };
  const body = `${JSON.stringify({ event_id: eventId })}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
  const url = `${collector.url}/api/${project.id}/envelope/?sentry_key=${project.publicKey}&sentry_version=7`;
  const init = { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body };
  let response = await fetch(url, init);
  for (let attempt = 1; response.status === 503 && attempt <= 3; attempt++) {
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    response = await fetch(url, init);
  }
  if (!response.ok)
    throw new Error(`envelope refused: ${response.status} ${await response.text()}`);
  return eventId;
}
