import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { processEvent } from '../src/consumer/processEvent';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { insertEvent } from '../src/store/events';
import { updateIssueStatus } from '../src/store/issueChanges';
import { browserEvent } from './fixtures/events/browserEvent';
import { STACKS } from './fixtures/stacks';
import { admin, type CreatedProject, createProject } from './helpers';
import { newEventId, onlyIssue, sendEvent } from './issueHelpers';

interface TagSummary {
  key: string;
  totalValues: number;
  topValues: { value: string; count: number }[];
}

const browsers = Object.values(STACKS);

/**
 * Sends as an SDK does: a 503 (the queue or storage busy under this burst: workerd
 * answers some of 60 simultaneous requests with "Network connection lost") is sent
 * again; the event id makes a resend count once.
 */
async function sendUntilAccepted(project: CreatedProject, event: Record<string, unknown>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendEvent(project, event);
    } catch (error) {
      if (attempt >= 5 || !String(error).startsWith('Error: 503')) throw error;
      await scheduler.wait(100 * attempt);
    }
  }
}

describe('concurrent ingestion of one issue', () => {
  it('loses no event, user, tag or hourly count when 60 events arrive at once', async () => {
    const project = await createProject();
    const events = Array.from({ length: 60 }, (_, i) =>
      browserEvent(newEventId(), browsers[i % 3], {
        user: { id: `user-${i % 12}` },
        environment: i % 2 ? 'production' : 'staging',
      }),
    );
    await Promise.all(events.map((event) => sendUntilAccepted(project, event)));
    const issue = await onlyIssue(project);
    expect(issue).toMatchObject({ count: 60, userCount: 12 });
    const details = await admin<{ tags: TagSummary[]; stats: { '24h': [number, number][] } }>(
      `/api/0/issues/${issue.id}/`,
    );
    const tag = (key: string) => details.tags.find((entry) => entry.key === key);
    expect(tag('user')?.totalValues).toBe(12);
    // Equal counts: which comes first follows last_seen, which this burst leaves to chance.
    const environments = [...(tag('environment')?.topValues ?? [])].sort((a, b) =>
      a.value.localeCompare(b.value),
    );
    expect(environments).toMatchObject([
      { value: 'production', count: 30 },
      { value: 'staging', count: 30 },
    ]);
    const counted = (key: string) =>
      (tag(key)?.topValues ?? []).reduce((sum, value) => sum + value.count, 0);
    expect(counted('browser')).toBe(60);
    expect(details.stats['24h'].reduce((sum, [, count]) => sum + count, 0)).toBe(60);
  }, 60_000);

  it('reports exactly one regression when events of a resolved issue arrive at once', async () => {
    const projectId = Number((await createProject()).id);
    const record = () => {
      const receivedAt = Date.now();
      return processEvent(normalizeEvent(browserEvent(newEventId()), receivedAt), {
        projectId,
        receivedAt,
      });
    };
    const { issueId } = await insertEvent(env.DB, await record());
    await updateIssueStatus(env.DB, issueId as number, { status: 'resolved' }, Date.now());
    const records = await Promise.all(Array.from({ length: 20 }, record));
    const results = await Promise.all(records.map((event) => insertEvent(env.DB, event)));
    expect(results.filter((result) => result.regressed)).toHaveLength(1);
    expect(results.every((result) => result.created && result.issueId === issueId)).toBe(true);
    expect(new Set(results.map((result) => result.eventCount)).size).toBe(20);
    expect(Math.max(...results.map((result) => result.eventCount))).toBe(21);
  });

  it('stores and counts an event id sent many times at once exactly once', async () => {
    const project = await createProject();
    const event = browserEvent(newEventId());
    await Promise.all(Array.from({ length: 10 }, () => sendEvent(project, event)));
    const issue = await onlyIssue(project);
    expect(issue.count).toBe(1);
    const stored = await admin<unknown[]>(`/api/0/issues/${issue.id}/events/`);
    expect(stored).toHaveLength(1);
  });
});
