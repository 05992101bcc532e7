import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { processEvent } from '../src/consumer/processEvent';
import worker from '../src/index';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { insertEvent } from '../src/store/events';
import { browserEvent } from './fixtures/events/browserEvent';
import { admin, type CreatedProject, waitUntilIngested } from './helpers';
import { generateTransactions, sendTransactions } from './insights/seedTransactions';
import { newEventId, onlyIssue, sendEvent } from './issueHelpers';
import { consumeBatch, eventMessage } from './queueHelpers';

const DAY = 86_400_000;
const second = env.DB_2 as D1Database;

function createOn(database: string, name = 'second'): Promise<CreatedProject> {
  return admin<CreatedProject>('/api/0/projects/', {
    method: 'POST',
    body: JSON.stringify({ name, database }),
  });
}

async function rows(db: D1Database, table: string, projectId: string): Promise<number> {
  const row = await db
    .prepare(`SELECT count(*) AS n FROM ${table} WHERE project_id = ?`)
    .bind(Number(projectId))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function runCron(scheduledTime = Date.now()) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('a project on the second database', () => {
  it('has its events, issues and transactions stored there and read back through the API', async () => {
    const project = await createOn('DB_2');
    const eventId = newEventId();
    await sendEvent(project, { event_id: eventId, message: 'stored on DB_2', level: 'error' });
    const transactions = generateTransactions(7, 6);
    await sendTransactions(project, transactions);

    for (const table of ['issues', 'events', 'transactions']) {
      expect(await rows(second, table, project.id)).toBeGreaterThan(0);
      expect(await rows(env.DB, table, project.id)).toBe(0);
    }
    const issue = await onlyIssue(project);
    expect(issue.title).toContain('stored on DB_2');
    expect((await admin<{ id: string }>(`/api/0/issues/${issue.id}/`)).id).toBe(issue.id);
    const events = await admin<{ eventID: string }[]>(`/api/0/issues/${issue.id}/events/`);
    expect(events.map((event) => event.eventID)).toEqual([eventId]);
    const latest = await admin<{ event_id: string }>(`/api/0/issues/${issue.id}/events/latest/`);
    expect(latest.event_id).toBe(eventId);
    const byId = await admin<{ eventID: string; projectId: string }>(`/api/0/events/${eventId}/`);
    expect(byId).toMatchObject({ eventID: eventId, projectId: project.id });

    const start = Math.min(...transactions.map((t) => Math.floor(t.start / 3600) * 3600));
    const performance = await admin<{ name: string; count: number }[]>(
      `/api/0/projects/${project.id}/performance/?start=${start}&end=${start + 3 * 86_400}`,
    );
    expect(performance.reduce((sum, row) => sum + row.count, 0)).toBe(transactions.length);
    const stats = await admin<{ totals: Record<string, number> }>(
      `/api/0/projects/${project.id}/stats/`,
    );
    expect(stats.totals.accepted).toBe(1 + transactions.length);
  });

  it('a queue batch holding projects of both databases stores each in its own', async () => {
    const onFirst = await createOn('DB', 'first');
    const onSecond = await createOn('DB_2');
    const messages = [onFirst, onSecond, onSecond].map((project) =>
      eventMessage(Number(project.id), { event_id: newEventId(), message: `batch ${project.id}` }),
    );
    const result = await consumeBatch(messages);
    expect(result.retryMessages).toEqual([]);
    expect(await rows(env.DB, 'events', onFirst.id)).toBe(1);
    expect(await rows(second, 'events', onFirst.id)).toBe(0);
    expect(await rows(second, 'events', onSecond.id)).toBe(2);
    expect(await rows(env.DB, 'events', onSecond.id)).toBe(0);
    // Redelivered, the batch stores nothing twice in either database.
    await consumeBatch(messages, { attempts: 2 });
    expect(await rows(env.DB, 'events', onFirst.id)).toBe(1);
    expect(await rows(second, 'events', onSecond.id)).toBe(2);
  });

  it("has the cron apply the project's retention in its database", async () => {
    const project = await createOn('DB_2');
    await admin(`/api/0/projects/${project.id}/`, {
      method: 'PUT',
      body: JSON.stringify({ settings: { retentionDays: 30 } }),
    });
    const now = Date.now();
    for (const receivedAt of [now - 40 * DAY, now - 10 * DAY]) {
      const event = normalizeEvent(browserEvent(newEventId()), receivedAt);
      await insertEvent(
        second,
        await processEvent(event, { projectId: Number(project.id), receivedAt }),
      );
    }
    expect(await rows(second, 'events', project.id)).toBe(2);
    await runCron(now);
    expect(await rows(second, 'events', project.id)).toBe(1);
  });

  it('has the cron retry its alert deliveries from its database', async () => {
    const project = await createOn('DB_2');
    const hooks = `/api/0/projects/${project.id}/webhooks/`;
    // Nothing listens on the discard port: every attempt fails to connect.
    const hook = await admin<{ id: string }>(hooks, {
      method: 'POST',
      body: JSON.stringify({ url: 'http://127.0.0.1:9/down' }),
    });
    const eventId = newEventId();
    await sendEvent(project, { event_id: eventId, message: 'alert from DB_2' });
    await waitUntilIngested(Number(project.id), eventId);
    const log = () =>
      admin<{ status: string; attempts: number }[]>(`${hooks}${hook.id}/deliveries/`);
    if ((await log())[0]?.attempts === 0) await runCron(); // the batch's waitUntil may not have run
    expect((await log())[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await rows(second, 'alerts', project.id)).toBe(1);
    expect(await rows(env.DB, 'alerts', project.id)).toBe(0);

    await second.prepare('UPDATE alert_deliveries SET next_attempt_at = 0').run();
    await runCron();
    expect((await log())[0]).toMatchObject({ status: 'pending', attempts: 2 });
  });
});
