import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, admin, call, createProject } from './helpers';

describe('admin API', () => {
  it('refuses requests without the bearer token', async () => {
    const response = await call('/api/0/projects/');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ detail: expect.stringContaining('Bearer') });
  });

  it('refuses a wrong token of any length', async () => {
    for (const token of ['x', `${ADMIN_TOKEN}x`, ADMIN_TOKEN.slice(0, -1)]) {
      const response = await call('/api/0/projects/', {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
    }
  });

  it('creates a project with a DSN and lists it', async () => {
    const project = await createProject('checkout', ['https://shop.example.com/']);
    expect(project).toMatchObject({ id: expect.stringMatching(/^\d+$/), name: 'checkout' });
    expect(project.publicKey).toMatch(/^[0-9a-f]{32}$/);
    expect(project.dsn).toBe(`http://${project.publicKey}@collector.test/${project.id}`);

    const projects = await admin<{ id: string; allowedOrigins: string[] }[]>('/api/0/projects/');
    const listed = projects.find((entry) => entry.id === project.id);
    expect(listed?.allowedOrigins).toEqual(['https://shop.example.com']);
  });

  it('answers bad project input with a 400 and a reason', async () => {
    const headers = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    const cases: [string, string][] = [
      ['{"name": ""}', 'name'],
      ['not json', 'JSON'],
      ['{"name": "x", "allowedOrigins": "https://a.com"}', 'allowedOrigins'],
      ['{"name": "x", "allowedOrigins": ["not a url"]}', 'origin'],
    ];
    for (const [body, reason] of cases) {
      const response = await call('/api/0/projects/', { method: 'POST', headers, body });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toContain(reason);
    }
  });

  it('answers unknown endpoints with a JSON 404', async () => {
    const response = await call('/api/0/nothing-here/', {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(404);
  });
});

describe('project settings', () => {
  it('shows resolved defaults and updates settings as a patch', async () => {
    const project = await createProject('settings');
    const path = `/api/0/projects/${project.id}/`;
    const initial = await admin<{ settings: { retentionDays: number } }>(path);
    expect(initial.settings.retentionDays).toBe(90);

    const updated = await admin<{ name: string; settings: { retentionDays: number } }>(path, {
      method: 'PUT',
      body: JSON.stringify({ name: 'renamed', settings: { retentionDays: 30 } }),
    });
    expect(updated).toMatchObject({ name: 'renamed', settings: { retentionDays: 30 } });

    const reset = await admin<{ settings: { retentionDays: number } }>(path, {
      method: 'PUT',
      body: JSON.stringify({ settings: { retentionDays: null } }),
    });
    expect(reset.settings.retentionDays).toBe(90);
  });

  it('refuses unknown and invalid settings with a reason', async () => {
    const project = await createProject('settings');
    const headers = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    for (const [settings, reason] of [
      [{ nope: 1 }, 'unknown setting: nope'],
      [{ retentionDays: -1 }, 'settings.retentionDays'],
    ] as const) {
      const response = await call(`/api/0/projects/${project.id}/`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ settings }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toContain(reason);
    }
    const missing = await call('/api/0/projects/999999/', { headers });
    expect(missing.status).toBe(404);
  });
});

describe('GET /api/health', () => {
  it('answers without a token so monitors can check the Worker is up', async () => {
    const response = await call('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
