import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { processEvent } from '../src/consumer/processEvent';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { runRetention } from '../src/scheduled/retentionJob';
import { insertEvent } from '../src/store/events';
import { ADMIN_TOKEN, call, createProject } from './helpers';
import { newEventId } from './issueHelpers';

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

async function store(projectId: number, message: string): Promise<string> {
  const eventId = newEventId();
  const raw = { event_id: eventId, message, request: { url: 'https://shop.test/cart' } };
  const receivedAt = Date.now();
  await insertEvent(
    env.DB,
    await processEvent(normalizeEvent(raw, receivedAt), { projectId, receivedAt }),
  );
  return eventId;
}

async function rows(sql: string, issueId: number): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${sql}`)
    .bind(issueId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('deleting an issue', () => {
  it('hides the issue and its aggregates at once and leaves its events to the cron, in bounded batches', async () => {
    const project = await createProject();
    const projectId = Number(project.id);
    const eventIds: string[] = [];
    for (let i = 0; i < 5; i++) eventIds.push(await store(projectId, 'doomed'));
    const survivor = await store(projectId, 'kept');
    const event = await call(`/api/0/events/${eventIds[0]}/`, { headers: auth });
    const issueId = Number(((await event.json()) as { issueId: string }).issueId);

    const deleted = await call(`/api/0/issues/${issueId}/`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(204);
    expect((await call(`/api/0/issues/${issueId}/`, { headers: auth })).status).toBe(404);
    expect((await call(`/api/0/events/${eventIds[0]}/`, { headers: auth })).status).toBe(404);
    expect(await rows('issue_tag_values WHERE issue_id = ?', issueId)).toBe(0);
    expect(await rows('issue_hourly_counts WHERE issue_id = ?', issueId)).toBe(0);
    // The request itself deleted no events: that is the cron's job.
    expect(await rows('events WHERE issue_id = ?', issueId)).toBe(5);

    await runRetention(env.DB, Date.now(), { batchSize: 2, maxBatches: 1 });
    expect(await rows('events WHERE issue_id = ?', issueId)).toBe(3);
    expect(await rows('issues WHERE id = ?', issueId)).toBe(1);

    await runRetention(env.DB, Date.now(), { batchSize: 2, maxBatches: 10 });
    expect(await rows('events WHERE issue_id = ?', issueId)).toBe(0);
    expect(await rows('issues WHERE id = ?', issueId)).toBe(0);
    expect((await call(`/api/0/events/${survivor}/`, { headers: auth })).status).toBe(200);
  });

  it('answers 404 when the same issue is deleted twice', async () => {
    const project = await createProject();
    const eventId = await store(Number(project.id), 'twice');
    const event = await call(`/api/0/events/${eventId}/`, { headers: auth });
    const { issueId } = (await event.json()) as { issueId: string };
    const first = await call(`/api/0/issues/${issueId}/`, { method: 'DELETE', headers: auth });
    const second = await call(`/api/0/issues/${issueId}/`, { method: 'DELETE', headers: auth });
    expect([first.status, second.status]).toEqual([204, 404]);
  });
});
