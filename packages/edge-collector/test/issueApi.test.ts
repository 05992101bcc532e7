import { describe, expect, it } from 'vitest';
import { browserEvent } from './fixtures/events/browserEvent';
import { pythonEvent } from './fixtures/events/pythonEvent';
import { STACKS } from './fixtures/stacks';
import { ADMIN_TOKEN, admin, type CreatedProject, call, createProject } from './helpers';
import { type IssueJson, newEventId, sendEvent, setStatus } from './issueHelpers';

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

function messageEvent(message: string, overrides: Record<string, unknown> = {}) {
  return { event_id: newEventId(), platform: 'javascript', message, ...overrides };
}

async function list(project: CreatedProject, query = '') {
  const response = await call(`/api/0/projects/${project.id}/issues/${query}`, { headers: auth });
  expect(response.status).toBe(200);
  return {
    issues: (await response.json()) as IssueJson[],
    link: response.headers.get('Link') ?? '',
  };
}

/** Three issues: "alpha" seen 3 times by 1 user, "beta" twice by 2 users, "gamma" once. */
async function seededProject(): Promise<CreatedProject> {
  const project = await createProject();
  for (let i = 0; i < 3; i++) {
    await sendEvent(
      project,
      messageEvent('alpha failed', { release: 'web@1', user: { id: 'u1' } }),
    );
  }
  await sendEvent(
    project,
    messageEvent('beta failed', { environment: 'staging', user: { id: 'u1' } }),
  );
  await sendEvent(
    project,
    messageEvent('beta failed', { environment: 'staging', user: { id: 'u2' } }),
  );
  await sendEvent(project, messageEvent('gamma exploded in checkout', { release: 'web@2' }));
  return project;
}

describe('GET /api/0/projects/:id/issues/', () => {
  it('sorts by last seen, first seen, count and users', async () => {
    const project = await seededProject();
    const titles = async (sort: string) =>
      (await list(project, `?sort=${sort}`)).issues.map((issue) => issue.title.split(' ')[0]);
    expect(await titles('lastSeen')).toEqual(['gamma', 'beta', 'alpha']);
    expect(await titles('firstSeen')).toEqual(['gamma', 'beta', 'alpha']);
    expect(await titles('count')).toEqual(['alpha', 'beta', 'gamma']);
    expect((await titles('users')).slice(0, 2)).toEqual(['beta', 'alpha']);
  });

  it('filters by words in title or culprit, release, environment and status', async () => {
    const project = await seededProject();
    const titles = async (query: string) =>
      (await list(project, query)).issues.map((issue) => issue.title.split(' ')[0]);
    expect(await titles('?query=CHECKOUT%20gamma')).toEqual(['gamma']);
    expect(await titles('?query=100%25')).toEqual([]);
    expect(await titles('?release=web%401')).toEqual(['alpha']);
    expect(await titles('?environment=staging')).toEqual(['beta']);
    const alpha = (await list(project, '?query=alpha')).issues[0] as IssueJson;
    await setStatus(alpha.id, { status: 'resolved' });
    expect(await titles('?status=resolved')).toEqual(['alpha']);
    expect(await titles('?status=unresolved')).toEqual(['gamma', 'beta']);
    await sendEvent(project, messageEvent('alpha failed'));
    expect(await titles('?status=regressed')).toEqual(['alpha']);
  });

  it('pages with a cursor from the Link header until results="false"', async () => {
    const project = await seededProject();
    const first = await list(project, '?sort=count&limit=2');
    expect(first.issues.map((issue) => issue.title.split(' ')[0])).toEqual(['alpha', 'beta']);
    expect(first.link).toContain('rel="next"; results="true"');
    const next = /<([^>]+)>/.exec(first.link)?.[1] ?? '';
    const response = await call(new URL(next).pathname + new URL(next).search, { headers: auth });
    const second = (await response.json()) as IssueJson[];
    expect(second.map((issue) => issue.title.split(' ')[0])).toEqual(['gamma']);
    expect(response.headers.get('Link')).toContain('results="false"');
  });

  it('answers bad parameters with a 400 and a reason', async () => {
    const project = await createProject();
    for (const query of ['?status=open', '?sort=title', '?limit=0', '?cursor=abc']) {
      const response = await call(`/api/0/projects/${project.id}/issues/${query}`, {
        headers: auth,
      });
      expect(response.status, query).toBe(400);
    }
  });
});

describe('GET, PUT and DELETE /api/0/issues/:id/', () => {
  it('shows tag top values and hourly and daily counts', async () => {
    const project = await createProject();
    await sendEvent(project, browserEvent(newEventId(), STACKS.chrome));
    await sendEvent(project, browserEvent(newEventId(), STACKS.firefox));
    await sendEvent(project, browserEvent(newEventId(), STACKS.firefox, { user: { id: 'u2' } }));
    const [issue] = (await list(project)).issues;
    const details = await admin<{
      tags: { key: string; totalValues: number; topValues: { value: string; count: number }[] }[];
      stats: { '24h': [number, number][]; '30d': [number, number][] };
    }>(`/api/0/issues/${issue?.id}/`);
    const tag = (key: string) => details.tags.find((entry) => entry.key === key);
    expect(tag('browser')).toMatchObject({
      totalValues: 2,
      topValues: [
        { value: 'Firefox 153.0', count: 2 },
        { value: 'HeadlessChrome 156.0.0', count: 1 },
      ],
    });
    expect(tag('user')?.totalValues).toBe(2);
    expect(tag('url')?.topValues[0]?.value).toBe('https://shop.example.com/checkout');
    expect(tag('release')?.topValues).toMatchObject([{ value: 'shop@1.4.0', count: 3 }]);
    expect(details.stats['24h']).toHaveLength(24);
    expect(details.stats['30d']).toHaveLength(30);
    expect(details.stats['24h'].at(-1)?.[1]).toBe(3);
  });

  it('refuses unknown statuses and bad details, and answers 404 for missing issues', async () => {
    const project = await createProject();
    await sendEvent(project, messageEvent('x'));
    const [issue] = (await list(project)).issues;
    const put = (body: unknown, id = issue?.id) =>
      call(`/api/0/issues/${id}/`, { method: 'PUT', headers: auth, body: JSON.stringify(body) });
    expect((await put({ status: 'closed' })).status).toBe(400);
    expect((await put({ status: 'ignored', statusDetails: { ignoreCount: -1 } })).status).toBe(400);
    expect((await put({ status: 'resolved', statusDetails: { inRelease: '' } })).status).toBe(400);
    expect((await put({ status: 'resolved' }, '999999')).status).toBe(404);
    expect((await call('/api/0/issues/999999/', { headers: auth })).status).toBe(404);
  });

  it('deletes an issue with its events, and later events open a new issue', async () => {
    const project = await createProject();
    const event = messageEvent('gone');
    await sendEvent(project, event);
    const [issue] = (await list(project)).issues;
    const deleted = await call(`/api/0/issues/${issue?.id}/`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(204);
    expect((await call(`/api/0/events/${event.event_id}/`, { headers: auth })).status).toBe(404);
    await sendEvent(project, messageEvent('gone'));
    expect((await list(project)).issues).toHaveLength(1);
  });
});

describe('events of an issue', () => {
  it('lists events newest first with a cursor, and returns one by id', async () => {
    const project = await createProject();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const event = pythonEvent(newEventId());
      ids.push(event.event_id as string);
      await sendEvent(project, event);
    }
    const [issue] = (await list(project)).issues;
    const page = await call(`/api/0/issues/${issue?.id}/events/?limit=2`, { headers: auth });
    const events = (await page.json()) as { eventID: string; release: string }[];
    expect(events.map((event) => event.eventID)).toEqual([ids[2], ids[1]]);
    expect(events[0]?.release).toBe('shop@2.7.1');
    const next = /<([^>]+)>/.exec(page.headers.get('Link') ?? '')?.[1] ?? '';
    const rest = await admin<{ eventID: string }[]>(new URL(next).pathname + new URL(next).search);
    expect(rest.map((event) => event.eventID)).toEqual([ids[0]]);

    const one = await admin<{ eventID: string; issueId: string; request: { data: unknown } }>(
      `/api/0/events/${ids[0]}/`,
    );
    expect(one).toMatchObject({ eventID: ids[0], issueId: issue?.id });
    expect(JSON.stringify(one)).not.toContain('hunter2');
    const latest = await admin<{ event_id: string }>(`/api/0/issues/${issue?.id}/events/latest/`);
    expect(latest.event_id).toBe(ids[2]);
    expect((await call('/api/0/events/nope/', { headers: auth })).status).toBe(400);
  });
});
