import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { IngestMessage } from '../src/types/IngestMessage';
import {
  admin,
  type CreatedProject,
  createProject,
  outcomeCount,
  projectStats,
  waitFor,
} from './helpers';
import { type IssueJson, newEventId } from './issueHelpers';
import { consumeBatch, eventMessage } from './queueHelpers';
import { withTableMissing } from './withTableMissing';

/** A project whose default rule (new issue, regression) alerts a webhook nobody answers. */
async function projectWithWebhook(): Promise<CreatedProject> {
  const project = await createProject('queue');
  await admin(`/api/0/projects/${project.id}/webhooks/`, {
    method: 'POST',
    body: JSON.stringify({ url: 'http://127.0.0.1:9/hook' }),
  });
  return project;
}

/** `count` messages of events whose fingerprint is `issue(i)`. */
function messages(project: CreatedProject, count: number, issue: (i: number) => string) {
  return Array.from({ length: count }, (_, i) =>
    eventMessage(Number(project.id), {
      event_id: newEventId(),
      message: `queue test ${issue(i)}`,
      fingerprint: [issue(i)],
      user: { id: `user-${i % 7}` },
    }),
  );
}

async function issues(project: CreatedProject): Promise<IssueJson[]> {
  return admin<IssueJson[]>(`/api/0/projects/${project.id}/issues/?query=&limit=100`);
}

async function alertCount(project: CreatedProject): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM alerts WHERE project_id = ?')
    .bind(Number(project.id))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('the ingest queue consumer', () => {
  it('stores a batch of one issue with exact counts and one new-issue alert', async () => {
    const project = await projectWithWebhook();
    const result = await consumeBatch(messages(project, 40, () => 'one-issue'));
    expect(result.retryBatch.retry).toBe(false);
    expect(result.retryMessages).toEqual([]);
    const [issue, ...others] = await issues(project);
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ count: 40, userCount: 7 });
    expect(outcomeCount(await projectStats(project), 'accepted', 'error')).toBe(40);
    expect(await alertCount(project)).toBe(1);
  });

  it('stores a batch of many issues, each counted once and alerted once', async () => {
    const project = await projectWithWebhook();
    await consumeBatch(messages(project, 30, (i) => `issue-${i}`));
    const stored = await issues(project);
    expect(stored).toHaveLength(30);
    expect(stored.every((issue) => issue.count === 1)).toBe(true);
    expect(await alertCount(project)).toBe(30);
  });

  it('stores and counts nothing twice when a batch is delivered again', async () => {
    const project = await projectWithWebhook();
    const batch = messages(project, 20, (i) => `redelivered-${i % 4}`);
    await consumeBatch(batch);
    await consumeBatch(batch, { attempts: 2 });
    const stored = await issues(project);
    expect(stored.map((issue) => issue.count)).toEqual([5, 5, 5, 5]);
    expect(outcomeCount(await projectStats(project), 'accepted', 'error')).toBe(20);
    expect(await alertCount(project)).toBe(4);
  });

  it('retries the whole batch when D1 fails mid-batch, then stores it once when D1 is back', async () => {
    const project = await projectWithWebhook();
    const batch = messages(project, 12, (i) => `outage-${i % 3}`);
    const failing = { ...env, DB: withTableMissing(env.DB, 'issue_hourly_counts') };
    const failed = await consumeBatch(batch, { environment: failing });
    expect(failed.retryBatch.retry).toBe(true);
    expect(await issues(project)).toEqual([]);
    expect(outcomeCount(await projectStats(project), 'accepted', 'error')).toBe(0);
    expect(await alertCount(project)).toBe(0);

    const recovered = await consumeBatch(batch, { attempts: 2 });
    expect(recovered.retryBatch.retry).toBe(false);
    expect((await issues(project)).map((issue) => issue.count)).toEqual([4, 4, 4]);
    expect(outcomeCount(await projectStats(project), 'accepted', 'error')).toBe(12);
    expect(await alertCount(project)).toBe(3);
  });

  it('retries a poison message alone and stores the rest of its batch', async () => {
    const project = await projectWithWebhook();
    const good = messages(project, 3, () => 'beside-poison');
    const poison = {
      ...eventMessage(Number(project.id), { message: 'x' }),
      item: { kind: 'event', category: 'error', event: null },
    } as unknown as IngestMessage;
    const result = await consumeBatch([good[0], poison, good[1], good[2]] as IngestMessage[]);
    expect(result.retryBatch.retry).toBe(false);
    expect(result.retryMessages).toHaveLength(1);
    expect((await issues(project)).map((issue) => issue.count)).toEqual([3]);
  });

  it('records a message the dead-letter queue receives as an ingest failure with its reason', async () => {
    const project = await createProject('dead letters');
    const poison = {
      ...eventMessage(Number(project.id), { message: 'x' }),
      key: 'f'.repeat(32),
      item: { kind: 'event', category: 'error', event: null },
    } as unknown as IngestMessage;
    await consumeBatch([poison], { queue: 'faultline-ingest-dlq', attempts: 3 });
    const failures = await admin<{ messageKey: string; reason: string }[]>(
      `/api/0/projects/${project.id}/ingest-failures/`,
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]?.messageKey).toBe('f'.repeat(32));
    expect(failures[0]?.reason).toMatch(/^processing failed: /);
  });

  it('sends a message that keeps failing through the real queue to the dead-letter queue', async () => {
    const project = await createProject('poison');
    const poison = {
      ...eventMessage(Number(project.id), { message: 'x' }),
      key: 'e'.repeat(32),
      item: { kind: 'event', category: 'error', event: null },
    } as unknown as IngestMessage;
    await env.QUEUE.send(poison, { contentType: 'json' });
    const failures = await waitFor(async () => {
      const found = await admin<{ messageKey: string; attempts: number }[]>(
        `/api/0/projects/${project.id}/ingest-failures/`,
      );
      return found.length > 0 ? found : undefined;
    }, 'the poison message to be recorded');
    expect(failures.map((failure) => failure.messageKey)).toEqual(['e'.repeat(32)]);
  }, 60_000);
});
