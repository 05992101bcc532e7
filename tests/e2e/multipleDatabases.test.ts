import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runScheduled } from '../../scripts/lib/localCollector.mjs';
import { type Collector, type Project, startCollector, waitFor } from './harness/collector';
import { sendError } from './harness/sendEvent';

// The repo's wrangler.toml plus a second D1 binding, as the README says to add one. It is
// written two levels below the repo root, so its relative paths are rewritten to match.
const configDir = join(repoRoot, '.tmp/multidb-e2e');
const config = join(configDir, 'wrangler.toml');

function writeConfig(): void {
  const base = readFileSync(join(repoRoot, 'wrangler.toml'), 'utf8').replaceAll(
    '= "packages/',
    '= "../../packages/',
  );
  const second = [
    '[[d1_databases]]',
    'binding = "DB_2"',
    'database_name = "faultline-2"',
    'database_id = "00000000-0000-0000-0000-000000000002"',
    'migrations_dir = "../../packages/edge-collector/migrations"',
  ].join('\n');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(config, `${base}\n${second}\n`);
}

interface ProjectWithDatabase extends Project {
  database: string;
}

interface Issue {
  id: string;
  projectId: string;
  title: string;
  count: number;
}

describe('two D1 databases through wrangler dev', () => {
  let collector: Collector;

  // Two databases to migrate (one wrangler run each) before wrangler dev starts.
  beforeAll(async () => {
    writeConfig();
    collector = await startCollector({ config });
  }, 360_000);

  afterAll(async () => {
    await collector?.stop();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('stores the events of projects on two databases apart and reads each back', async () => {
    const create = (name: string, database: string) =>
      collector.api<ProjectWithDatabase>('/api/0/projects/', {
        method: 'POST',
        body: JSON.stringify({ name, database }),
      });
    const projects = [await create('on-db', 'DB'), await create('on-db-2', 'DB_2')];
    expect(projects.map((project) => project.database)).toEqual(['DB', 'DB_2']);

    const sent = new Map<string, string[]>();
    for (const project of projects) {
      const ids = [];
      for (let i = 0; i < 3; i++) {
        ids.push(await sendError(collector, project, { type: `Error${project.database}` }));
      }
      sent.set(project.id, ids);
    }

    const issues: Issue[] = [];
    for (const project of projects) {
      const [issue] = await waitFor(
        async () => {
          const list = await collector.api<Issue[]>(`/api/0/projects/${project.id}/issues/`);
          return list[0]?.count === 3 ? list : undefined;
        },
        { what: `the issue of project ${project.database}` },
      );
      expect(issue?.title).toContain(`Error${project.database}`);
      if (issue) issues.push(issue);
    }
    // Issue ids tell the databases apart: DB_2's start above 2^40.
    expect(Number(issues[0]?.id)).toBeLessThanOrEqual(2 ** 40);
    expect(Number(issues[1]?.id)).toBeGreaterThan(2 ** 40);

    for (const [index, project] of projects.entries()) {
      const issue = issues[index] as Issue;
      const read = await collector.api<Issue>(`/api/0/issues/${issue.id}/`);
      expect(read).toMatchObject({ id: issue.id, projectId: project.id, count: 3 });
      const events = await collector.api<{ eventID: string }[]>(
        `/api/0/issues/${issue.id}/events/`,
      );
      expect(events.map((event) => event.eventID).sort()).toEqual(
        [...(sent.get(project.id) ?? [])].sort(),
      );
      const eventId = sent.get(project.id)?.[0];
      const event = await collector.api<{ projectId: string }>(`/api/0/events/${eventId}/`);
      expect(event.projectId).toBe(project.id);
    }
    // The cron runs over both databases without failing.
    await runScheduled(collector.url);
  });
});
