import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, admin, call, createProject } from './helpers';

interface Rule {
  id: string;
  name: string;
  triggers: { type: string }[];
  throttleMinutes: number;
  webhookIds: string[] | null;
}

async function status(path: string, method: string, body?: unknown) {
  const response = await call(path, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, detail: text ? (JSON.parse(text).detail as string) : '' };
}

describe('alert rules API', () => {
  it('gives a new project one default rule: new issue or regression to every webhook', async () => {
    const project = await createProject();
    const rules = await admin<Rule[]>(`/api/0/projects/${project.id}/rules/`);
    expect(rules).toEqual([
      expect.objectContaining({
        name: 'New issues and regressions',
        triggers: [{ type: 'new_issue' }, { type: 'regression' }],
        throttleMinutes: 30,
        webhookIds: null,
      }),
    ]);
  });

  it('creates, replaces and deletes a rule', async () => {
    const project = await createProject();
    const base = `/api/0/projects/${project.id}/rules/`;
    const hook = await admin<{ id: string }>(`/api/0/projects/${project.id}/webhooks/`, {
      method: 'POST',
      body: JSON.stringify({ url: 'http://127.0.0.1:9/', format: 'slack' }),
    });
    const rule = await admin<Rule>(base, {
      method: 'POST',
      body: JSON.stringify({
        name: 'Busy issues',
        triggers: [{ type: 'event_frequency', threshold: 100, windowMinutes: 60 }],
        filters: { level: 'error', environment: 'production' },
        throttleMinutes: 60,
        webhookIds: [hook.id],
      }),
    });
    expect(rule).toMatchObject({ name: 'Busy issues', throttleMinutes: 60, webhookIds: [hook.id] });

    const replaced = await admin<Rule>(`${base}${rule.id}/`, {
      method: 'PUT',
      body: JSON.stringify({
        name: 'Spikes',
        triggers: [{ type: 'spike', threshold: 500, windowMinutes: 5 }],
      }),
    });
    expect(replaced).toMatchObject({
      id: rule.id,
      name: 'Spikes',
      throttleMinutes: 30,
      webhookIds: null,
    });

    expect((await status(`${base}${rule.id}/`, 'DELETE')).status).toBe(204);
    expect((await status(`${base}${rule.id}/`, 'DELETE')).status).toBe(404);
    expect(await admin<Rule[]>(base)).toHaveLength(1);
  });

  it('refuses invalid rules with a reason', async () => {
    const project = await createProject();
    const base = `/api/0/projects/${project.id}/rules/`;
    const cases: [unknown, string][] = [
      [{ name: 'x', triggers: [] }, 'triggers'],
      [{ name: 'x', triggers: [{ type: 'sometimes' }] }, 'triggers[0].type'],
      [{ name: 'x', triggers: [{ type: 'spike', threshold: 5 }] }, 'windowMinutes'],
      [
        { name: 'x', triggers: [{ type: 'new_issue' }], filters: { level: 'loud' } },
        'filters.level',
      ],
      [
        { name: 'x', triggers: [{ type: 'new_issue' }], filters: { colour: 'red' } },
        'unknown filter',
      ],
      [{ name: 'x', triggers: [{ type: 'new_issue' }], throttleMinutes: -1 }, 'throttleMinutes'],
      [{ name: 'x', triggers: [{ type: 'new_issue' }], webhookIds: ['999999'] }, 'no such webhook'],
    ];
    for (const [body, reason] of cases) {
      const answer = await status(base, 'POST', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.detail).toContain(reason);
    }
    expect((await status('/api/0/projects/999999/rules/', 'GET')).status).toBe(404);
    const valid = { name: 'x', triggers: [{ type: 'new_issue' }] };
    expect(await status(`${base}999999/`, 'PUT', valid)).toEqual({
      status: 404,
      detail: 'no such rule',
    });
    const [rule] = await admin<Rule[]>(base);
    expect((await status(`${base}${rule?.id}/`, 'PUT', { name: 'x' })).detail).toContain(
      'triggers',
    );
    const unauthenticated = await call(base, { method: 'POST', body: JSON.stringify(valid) });
    expect(unauthenticated.status).toBe(401);
  });

  it('keeps rules of one project out of reach of another', async () => {
    const [owner, other] = [await createProject(), await createProject()];
    const [rule] = await admin<Rule[]>(`/api/0/projects/${owner.id}/rules/`);
    const path = `/api/0/projects/${other.id}/rules/${rule?.id}/`;
    expect((await status(path, 'DELETE')).status).toBe(404);
    expect(await admin<Rule[]>(`/api/0/projects/${owner.id}/rules/`)).toHaveLength(1);
  });
});

describe('webhooks API', () => {
  it('shows the signing secret once and lists webhooks without it', async () => {
    const project = await createProject();
    const base = `/api/0/projects/${project.id}/webhooks/`;
    const hook = await admin<{ id: string; secret: string }>(base, {
      method: 'POST',
      body: JSON.stringify({ url: 'http://127.0.0.1:9/hook', name: 'ops' }),
    });
    expect(hook.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const [listed] = await admin<Record<string, unknown>[]>(base);
    expect(listed).toMatchObject({ id: hook.id, name: 'ops', format: 'json' });
    expect(listed).not.toHaveProperty('secret');
    expect((await status(`${base}${hook.id}/`, 'DELETE')).status).toBe(204);
    expect(await admin(base)).toEqual([]);
  });

  it('refuses URLs that are not https to a public host, and unknown formats', async () => {
    const project = await createProject();
    const base = `/api/0/projects/${project.id}/webhooks/`;
    for (const url of ['http://10.0.0.1/', 'not a url', 'ftp://example.com/']) {
      const answer = await status(base, 'POST', { url });
      expect(answer.status, url).toBe(400);
      expect(answer.detail).toMatch(/^url /);
    }
    const answer = await status(base, 'POST', { url: 'https://example.com/', format: 'teams' });
    expect(answer).toEqual({ status: 400, detail: 'format must be json, slack, discord, email' });
    expect(
      await status(base, 'POST', { url: 'https://example.com/', name: 'n'.repeat(101) }),
    ).toEqual({ status: 400, detail: 'name must be at most 100 characters' });
    expect((await status(base, 'POST', undefined)).detail).toBe('body is not valid JSON');
    for (const path of ['999999/', '999999/deliveries/', '999999/test/']) {
      const method = path.endsWith('test/') ? 'POST' : path === '999999/' ? 'DELETE' : 'GET';
      expect((await status(`${base}${path}`, method)).status, path).toBe(404);
    }
  });
});
