import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Collector, Project } from './harness/collector';
import { sharedCollector, waitFor } from './harness/collector';

const SENDERS = 50;
const EVENTS = 2000;
const ISSUES = 20;

/**
 * Sends one error event as an SDK would, resending it (same event id) after a 503 or a
 * dropped connection, as SDKs keep and resend what did not get through: `wrangler dev`
 * resets connections now and then under 50 senders. The collector stores a resent id once.
 */
async function sendBurstEvent(collector: Collector, project: Project, issue: number) {
  const eventId = randomBytes(16).toString('hex');
  const event = {
    event_id: eventId,
    platform: 'javascript',
    exception: { values: [{ type: `BurstError${issue}`, value: `burst ${issue}` }] },
  };
  const body = `${JSON.stringify({ event_id: eventId })}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
  const url = `${collector.url}/api/${project.id}/envelope/?sentry_key=${project.publicKey}`;
  for (let attempt = 1; ; attempt++) {
    const status = await fetch(url, { method: 'POST', body }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      (error: unknown) => (attempt < 10 ? 'dropped' : Promise.reject(error)),
    );
    if (status === 200) return eventId;
    if (status !== 503 && status !== 'dropped') throw new Error(`answered ${status}`);
    if (attempt >= 10) throw new Error('answered 503 ten times');
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
}

interface IssueRow {
  id: string;
  title: string;
  count: number;
}

describe('a burst through wrangler dev and the ingest queue', () => {
  it('stores every one of 2,000 events from 50 concurrent senders, with exact counts', async () => {
    const collector = sharedCollector();
    const project = await collector.createProject('burst');
    await collector.api(`/api/0/projects/${project.id}/`, {
      method: 'PUT',
      body: JSON.stringify({ settings: { rateLimitPerMinute: 0 } }),
    });
    let next = 0;
    const sent: string[] = [];
    await Promise.all(
      Array.from({ length: SENDERS }, async () => {
        while (next < EVENTS) {
          const index = next++;
          sent.push(await sendBurstEvent(collector, project, index % ISSUES));
        }
      }),
    );
    expect(new Set(sent).size).toBe(EVENTS);

    let stored = 0;
    const issues = await waitFor(
      async () => {
        const found = await collector.api<IssueRow[]>(
          `/api/0/projects/${project.id}/issues/?query=&limit=100`,
        );
        stored = found.reduce((sum, issue) => sum + issue.count, 0);
        return stored === EVENTS ? found : undefined;
      },
      { timeoutMs: 240_000, what: `${EVENTS} events to be stored` },
    ).catch((error: Error) => {
      throw new Error(`${error.message} (${stored} stored)`);
    });
    expect(issues).toHaveLength(ISSUES);
    expect(issues.every((issue) => issue.count === EVENTS / ISSUES)).toBe(true);
    const stats = await collector.api<{ totals: Record<string, number> }>(
      `/api/0/projects/${project.id}/stats/`,
    );
    expect(stats.totals.accepted).toBe(EVENTS);
  }, 300_000);
});
