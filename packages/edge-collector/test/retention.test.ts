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
import type { OutcomeCount } from '../src/outcomes/OutcomeTally';
import { runRetention } from '../src/scheduled/retentionJob';
import { insertEvent } from '../src/store/events';
import { insertOutcomes } from '../src/store/outcomes';
import { browserEvent } from './fixtures/events/browserEvent';
import { admin, createProject, outcomeCount, projectStats } from './helpers';
import { newEventId, onlyIssue, setStatus } from './issueHelpers';

const DAY = 86_400_000;

async function storeAt(projectId: number, receivedAt: number) {
  const event = normalizeEvent(browserEvent(newEventId()), receivedAt);
  const record = await processEvent(event, { projectId, receivedAt });
  return insertEvent(env.DB, record);
}

async function eventCount(projectId: number): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM events WHERE project_id = ?')
    .bind(projectId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('retention', () => {
  it('deletes events older than the project retention in bounded batches and keeps issue counts', async () => {
    const project = await createProject();
    const projectId = Number(project.id);
    await admin(`/api/0/projects/${project.id}/`, {
      method: 'PUT',
      body: JSON.stringify({ settings: { retentionDays: 30 } }),
    });
    const now = Date.now();
    for (let i = 0; i < 5; i++) await storeAt(projectId, now - 40 * DAY + i);
    await storeAt(projectId, now - 10 * DAY);

    expect(await runRetention(env.DB, now, { batchSize: 2, maxBatches: 2 })).toBeGreaterThanOrEqual(
      0,
    );
    expect(await eventCount(projectId)).toBeGreaterThanOrEqual(2);
    await runRetention(env.DB, now, { batchSize: 100, maxBatches: 50 });
    expect(await eventCount(projectId)).toBe(1);
    expect((await onlyIssue(project)).count).toBe(6);
  });

  it('runs from the every-minute cron trigger and wakes issues whose ignore has expired', async () => {
    const project = await createProject();
    await storeAt(Number(project.id), Date.now());
    const issue = await onlyIssue(project);
    await setStatus(issue.id, {
      status: 'ignored',
      statusDetails: { ignoreUntil: new Date(Date.now() + 60_000).toISOString() },
    });
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now() + 120_000 }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect((await onlyIssue(project)).status).toBe('unresolved');
  });

  it('deletes outcome counts older than 30 days in bounded batches and keeps recent ones', async () => {
    const project = await createProject();
    const projectId = Number(project.id);
    const now = Date.now();
    const accepted = (quantity: number): OutcomeCount[] => [
      { outcome: 'accepted', category: 'error', reason: '', quantity },
    ];
    for (let minute = 0; minute < 5; minute++) {
      await insertOutcomes(env.DB, projectId, now - 40 * DAY + minute * 60_000, accepted(1));
    }
    await insertOutcomes(env.DB, projectId, now - DAY, accepted(7));
    const rows = async () => {
      const row = await env.DB.prepare(
        'SELECT count(*) AS n FROM project_outcomes WHERE project_id = ?',
      )
        .bind(projectId)
        .first<{ n: number }>();
      return row?.n ?? 0;
    };
    expect(await rows()).toBe(6);

    await runRetention(env.DB, now, { batchSize: 2, maxBatches: 1 });
    expect(await rows()).toBe(4);
    await runRetention(env.DB, now, { batchSize: 2, maxBatches: 10 });
    expect(await rows()).toBe(1);
    expect(outcomeCount(await projectStats(project), 'accepted', 'error')).toBe(7);
  });
});
