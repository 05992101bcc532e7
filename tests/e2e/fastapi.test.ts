import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, type Project, sharedCollector, waitFor } from './harness/collector';
import { type PythonApp, startPythonApp } from './harness/pythonApp';
import { waitForIssue } from './harness/readApi';

interface Transaction {
  name: string;
  op: string;
  status: string;
  durationMs: number;
  release: string | null;
  environment: string | null;
  traceId: string;
}

interface Stats {
  totals: Record<string, number>;
  outcomes: { outcome: string; category: string; reason: string; quantity: number }[];
}

describe('examples/fastapi with the official sentry-sdk', () => {
  let collector: Collector;
  let project: Project;
  let app: PythonApp;

  beforeAll(async () => {
    collector = sharedCollector();
    project = await collector.createProject('fastapi-orders');
    app = await startPythonApp({
      example: 'fastapi',
      args: ['-m', 'uvicorn', 'app:app', '--host', '127.0.0.1', '--port', '{port}'],
      env: { SENTRY_DSN: project.dsn, ORDERS_RELEASE: 'orders@0.9.0', ORDERS_ENVIRONMENT: 'e2e' },
      healthPath: '/health',
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('reports the failing route as an issue and its request as a transaction', async () => {
    expect((await fetch(`${app.url}/orders/7`)).status).toBe(500);

    const { issue, event } = await waitForIssue(
      collector,
      project,
      'ZeroDivisionError: division by zero',
    );
    expect(issue.culprit).toBe('price_per_item(app)');
    expect(event).toMatchObject({
      release: 'orders@0.9.0',
      environment: 'e2e',
      request: { url: `${app.url}/orders/7` },
    });
    expect(event.tags).toMatchObject({ order_id: '7' });
    const frames = event.exception?.values.at(-1)?.stacktrace?.frames ?? [];
    expect(frames.at(-1)).toMatchObject({ function: 'price_per_item', module: 'app' });
    expect(frames.at(-2)).toMatchObject({ function: 'get_order', module: 'app' });

    const transactions = await waitFor(
      async () => {
        const list = await collector.api<Transaction[]>(
          `/api/0/projects/${project.id}/transactions/`,
        );
        return list.find((entry) => entry.name === '/orders/{order_id}');
      },
      { what: 'the request transaction' },
    );
    expect(transactions).toMatchObject({
      op: 'http.server',
      release: 'orders@0.9.0',
      environment: 'e2e',
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(transactions.durationMs).toBeGreaterThan(0);

    const stats = await collector.api<Stats>(`/api/0/projects/${project.id}/stats/`);
    expect(stats.totals.accepted).toBeGreaterThanOrEqual(2);
  });
});
