import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { chooseDatabase } from '../src/databases/chooseDatabase';
import { ISSUE_IDS_PER_DATABASE } from '../src/databases/issueDatabase';
import type { Env } from '../src/env';
import { admin, type CreatedProject, call } from './helpers';
import { newEventId, onlyIssue, sendEvent } from './issueHelpers';

interface ProjectJson extends CreatedProject {
  database: string;
  settings: Record<string, unknown>;
}

function createOn(database: string | undefined, name = 'placed'): Promise<ProjectJson> {
  return admin<ProjectJson>('/api/0/projects/', {
    method: 'POST',
    body: JSON.stringify({ name, database }),
  });
}

/** The Worker's bindings with new projects allowed on `allowed` (undefined: all). */
function envAllowing(allowed: string | undefined): Env {
  return { ...env, FAULTLINE_NEW_PROJECT_DATABASES: allowed } as Env;
}

async function projectsOn(database: string): Promise<number> {
  const projects = await admin<ProjectJson[]>('/api/0/projects/');
  return projects.filter((project) => project.database === database).length;
}

describe('placing projects on databases', () => {
  it('puts a project on the database its creation names, and says where', async () => {
    const project = await createOn('DB_2');
    expect(project.database).toBe('DB_2');
    expect((await admin<ProjectJson>(`/api/0/projects/${project.id}/`)).database).toBe('DB_2');
    // Its row is copied there (for the foreign keys), with its default alert rule.
    const copy = await env.DB_2?.prepare('SELECT name FROM projects WHERE id = ?')
      .bind(Number(project.id))
      .first<{ name: string }>();
    expect(copy?.name).toBe('placed');
    const rules = await admin<{ name: string }[]>(`/api/0/projects/${project.id}/rules/`);
    expect(rules.map((rule) => rule.name)).toEqual(['New issues and regressions']);
    const inDb = await env.DB.prepare('SELECT count(*) AS n FROM alert_rules WHERE project_id = ?')
      .bind(Number(project.id))
      .first<{ n: number }>();
    expect(inDb?.n).toBe(0);
  });

  it('answers 400 naming the bindings for a database this Worker does not have', async () => {
    for (const database of ['DB_3', 'KV', 42]) {
      const response = await call('/api/0/projects/', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${env.FAULTLINE_ADMIN_TOKEN}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ name: 'nowhere', database }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('database must be one of DB, DB_2');
    }
  });

  it('places new projects on the allowed binding holding the fewest projects', async () => {
    expect(await chooseDatabase(envAllowing('DB_2'), undefined)).toBe('DB_2');
    expect(await chooseDatabase(envAllowing('DB'), undefined)).toBe('DB');
    // Make DB_2 the fuller one, then DB: the choice follows.
    const gap = (await projectsOn('DB')) - (await projectsOn('DB_2'));
    for (let i = 0; i <= gap; i++) await createOn('DB_2');
    expect(await chooseDatabase(envAllowing(undefined), undefined)).toBe('DB');
    expect(await chooseDatabase(envAllowing('DB, DB_2'), undefined)).toBe('DB');
    const back = (await projectsOn('DB_2')) - (await projectsOn('DB'));
    for (let i = 0; i <= back; i++) await createOn('DB');
    expect(await chooseDatabase(envAllowing(undefined), undefined)).toBe('DB_2');
  });

  it('refuses to place projects on a binding the allowed list names but the Worker lacks', async () => {
    await expect(chooseDatabase(envAllowing('DB_2,DB_7'), undefined)).rejects.toThrow(
      'FAULTLINE_NEW_PROJECT_DATABASES names DB_7',
    );
  });

  it("keeps the project's copy in its database in step with changes to its settings", async () => {
    const project = await createOn('DB_2');
    await admin(`/api/0/projects/${project.id}/`, {
      method: 'PUT',
      body: JSON.stringify({ name: 'renamed', settings: { retentionDays: 7 } }),
    });
    const copy = await env.DB_2?.prepare('SELECT name, settings FROM projects WHERE id = ?')
      .bind(Number(project.id))
      .first<{ name: string; settings: string }>();
    expect(copy?.name).toBe('renamed');
    expect(JSON.parse(copy?.settings ?? '{}')).toMatchObject({ retentionDays: 7 });
  });
});

describe('issue ids across databases', () => {
  it('gives each database its own range, and finds an issue by its id alone', async () => {
    const first = await createOn('DB');
    const second = await createOn('DB_2');
    const message = `boom ${newEventId()}`;
    await sendEvent(first, { event_id: newEventId(), message });
    await sendEvent(second, { event_id: newEventId(), message });
    const inFirst = await onlyIssue(first);
    const inSecond = await onlyIssue(second);
    expect(Number(inFirst.id)).toBeLessThanOrEqual(ISSUE_IDS_PER_DATABASE);
    expect(Number(inSecond.id)).toBeGreaterThan(ISSUE_IDS_PER_DATABASE);
    expect(Number(inSecond.id)).toBeLessThanOrEqual(2 * ISSUE_IDS_PER_DATABASE);
    // The same title in both, yet each id reads back its own project's issue.
    for (const [project, issue] of [
      [first, inFirst],
      [second, inSecond],
    ] as const) {
      const read = await admin<{ id: string; projectId: string }>(`/api/0/issues/${issue.id}/`);
      expect(read).toMatchObject({ id: issue.id, projectId: project.id });
    }
    // An id in the range of a database this Worker does not have is no issue at all.
    const response = await call(`/api/0/issues/${2 * ISSUE_IDS_PER_DATABASE + 1}/`, {
      headers: { Authorization: `Bearer ${env.FAULTLINE_ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(404);
  });
});
