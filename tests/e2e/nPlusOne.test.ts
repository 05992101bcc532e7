import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertedProject, projectWithReceiver } from './harness/alertSetup';
import { type Collector, sharedCollector, waitFor } from './harness/collector';
import { type PythonApp, startPythonApp } from './harness/pythonApp';

interface Issue {
  id: string;
  type: string;
  title: string;
  culprit: string;
  count: number;
  evidence?: {
    query: string;
    repeatCount: number;
    totalMs: number;
    offendingSpanIds: string[];
    transactionId: string;
  };
}

describe('N+1 queries from a Django view under the official sentry-sdk', () => {
  let collector: Collector;
  let alerted: AlertedProject;
  let app: PythonApp;
  const databaseDir = mkdtempSync(join(tmpdir(), 'faultline-library-'));
  const issues = () => collector.api<Issue[]>(`/api/0/projects/${alerted.project.id}/issues/`);
  const transactions = () =>
    collector.api<{ name: string; eventId: string }[]>(
      `/api/0/projects/${alerted.project.id}/transactions/`,
    );

  beforeAll(async () => {
    collector = sharedCollector();
    alerted = await projectWithReceiver(collector);
    app = await startPythonApp({
      example: 'django',
      args: ['manage.py', 'runserver', '127.0.0.1:{port}', '--noreload'],
      env: {
        SENTRY_DSN: alerted.project.dsn,
        SHOP_TRACES_SAMPLE_RATE: '1.0',
        SHOP_DATABASE: join(databaseDir, 'library.sqlite3'),
      },
      healthPath: '/health/',
    });
    expect((await fetch(`${app.url}/library/seed/`, { method: 'POST' })).status).toBe(200);
  });

  afterAll(async () => {
    await app?.stop();
    await alerted?.receiver.stop();
    rmSync(databaseDir, { recursive: true, force: true });
  });

  it('makes no issue of the view that fetches authors with select_related', async () => {
    // The collector stores a transaction's N+1 issues before the transaction itself.
    expect((await fetch(`${app.url}/library/books-joined/`)).status).toBe(200);
    await waitFor(
      async () =>
        (await transactions()).some((t) => t.name === '/library/books-joined/') ? true : undefined,
      {
        timeoutMs: 30_000,
        what: 'the books-joined transaction',
      },
    );
    expect(await issues()).toEqual([]);
  });

  it('makes one performance_n_plus_one issue of the view that queries the author per book, and alerts it', async () => {
    expect((await fetch(`${app.url}/library/books/`)).status).toBe(200);
    const issue = await waitFor(
      async () => (await issues()).find((entry) => entry.type === 'performance_n_plus_one'),
      {
        timeoutMs: 30_000,
        what: 'an N+1 issue',
      },
    );
    expect(issue).toMatchObject({ title: 'N+1 Query', culprit: '/library/books/', count: 1 });
    expect(issue.evidence?.query).toMatch(/FROM "library_author" WHERE "library_author"."id" = %s/);
    expect(issue.evidence?.repeatCount).toBe(10);
    expect(issue.evidence?.offendingSpanIds).toHaveLength(10);
    expect(issue.evidence?.totalMs).toBeGreaterThanOrEqual(100); // ten queries of at least 10 ms
    const sample = (await transactions()).find((t) => t.name === '/library/books/');
    expect(issue.evidence?.transactionId).toBe(sample?.eventId);
    expect(
      await collector.api<Issue[]>(`/api/0/projects/${alerted.project.id}/issues/?type=error`),
    ).toEqual([]);

    const delivery = await waitFor(
      async () =>
        alerted.receiver.received.find((entry) => entry.json?.issue?.title === 'N+1 Query'),
      { timeoutMs: 30_000, what: 'the alert of the N+1 issue' },
    );
    expect(delivery.json.trigger).toBe('new_issue');
    expect(delivery.headers['x-faultline-event']).toBe('alert.new_issue');
  });
});
