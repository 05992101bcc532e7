import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { processEvent } from '../src/consumer/processEvent';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { MAX_TAG_VALUES } from '../src/store/batchCounts';
import { insertEvent } from '../src/store/events';
import { createProject } from './helpers';
import { newEventId } from './issueHelpers';

/** Stores one event of the 'checkout' issue seen on `path` by user `userId`. */
async function store(projectId: number, path: string, userId: string) {
  const raw = {
    event_id: newEventId(),
    message: 'checkout failed',
    request: { url: `https://shop.test${path}` },
    user: { id: userId },
  };
  const receivedAt = Date.now();
  return insertEvent(
    env.DB,
    await processEvent(normalizeEvent(raw, receivedAt), { projectId, receivedAt }),
  );
}

/** Fills an issue's `key` values up to `total` as earlier events would have. */
async function seedValues(issueId: number, key: string, prefix: string, total: number) {
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?4)
     INSERT OR IGNORE INTO issue_tag_values (issue_id, key, value, times_seen, first_seen, last_seen)
     SELECT ?1, ?2, ?3 || i, 1, 0, 0 FROM n`,
  )
    .bind(issueId, key, prefix, total)
    .run();
}

async function values(issueId: number, key: string) {
  const { results } = await env.DB.prepare(
    'SELECT value, times_seen FROM issue_tag_values WHERE issue_id = ? AND key = ?',
  )
    .bind(issueId, key)
    .all<{ value: string; times_seen: number }>();
  return new Map(results.map((row) => [row.value, row.times_seen]));
}

describe('tag values per issue', () => {
  it('stores at most 1,000 distinct values per key while values already stored keep counting', async () => {
    const project = await createProject();
    const projectId = Number(project.id);
    const first = await store(projectId, '/p/0', 'u0');
    const issueId = first.issueId as number;
    await seedValues(issueId, 'url', 'https://shop.test/p/', MAX_TAG_VALUES - 1);
    expect((await values(issueId, 'url')).size).toBe(MAX_TAG_VALUES);

    const flooded = await store(projectId, '/p/new', 'u0');
    expect(flooded.eventCount).toBe(2);
    const urls = await values(issueId, 'url');
    expect(urls.size).toBe(MAX_TAG_VALUES);
    expect(urls.has('https://shop.test/p/new')).toBe(false);

    await store(projectId, '/p/5', 'u0');
    expect((await values(issueId, 'url')).get('https://shop.test/p/5')).toBe(2);
    expect((await values(issueId, 'user')).get('id:u0')).toBe(3);
  });

  it('keeps counting new users past the cap, since user counts rest on the user values', async () => {
    const project = await createProject();
    const projectId = Number(project.id);
    const first = await store(projectId, '/', 'u0');
    const issueId = first.issueId as number;
    // Seeded rows bypass user_count, which counts only the users ingested here.
    await seedValues(issueId, 'user', 'id:seeded-', MAX_TAG_VALUES - 2);
    expect((await store(projectId, '/', 'newcomer')).userCount).toBe(2);
    expect((await store(projectId, '/', 'latecomer')).userCount).toBe(3);
    const users = await values(issueId, 'user');
    expect(users.size).toBe(MAX_TAG_VALUES + 1);
    expect(users.has('id:latecomer')).toBe(true);
    expect((await store(projectId, '/', 'newcomer')).userCount).toBe(3);
    expect((await values(issueId, 'user')).get('id:newcomer')).toBe(2);
  });

  it('never passes the cap when events with new values arrive together', async () => {
    const project = await createProject();
    const projectId = Number(project.id);
    const first = await store(projectId, '/p/0', 'u0');
    const issueId = first.issueId as number;
    await seedValues(issueId, 'url', 'https://shop.test/p/', MAX_TAG_VALUES - 2);
    await Promise.all(Array.from({ length: 5 }, (_, i) => store(projectId, `/q/${i}`, 'u0')));
    expect((await values(issueId, 'url')).size).toBe(MAX_TAG_VALUES);
  });
});
