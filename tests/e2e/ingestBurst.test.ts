import { describe, expect, it } from 'vitest';
import { sharedCollector, waitFor } from './harness/collector';
import { sendError } from './harness/sendEvent';

const SENDERS = 50;
const EVENTS = 2000;
const ISSUES = 20;

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
          const type = `BurstError${index % ISSUES}`;
          sent.push(await sendError(collector, project, { type, message: `burst ${index % ISSUES}` }));
        }
      }),
    );
    expect(new Set(sent).size).toBe(EVENTS);

    const issues = await waitFor(
      async () => {
        const found = await collector.api<IssueRow[]>(
          `/api/0/projects/${project.id}/issues/?query=&limit=100`,
        );
        const total = found.reduce((sum, issue) => sum + issue.count, 0);
        return total === EVENTS ? found : undefined;
      },
      { timeoutMs: 180_000, what: `${EVENTS} events to be stored` },
    );
    expect(issues).toHaveLength(ISSUES);
    expect(issues.every((issue) => issue.count === EVENTS / ISSUES)).toBe(true);
    const stats = await collector.api<{ totals: Record<string, number> }>(
      `/api/0/projects/${project.id}/stats/`,
    );
    expect(stats.totals.accepted).toBe(EVENTS);
  }, 300_000);
});
