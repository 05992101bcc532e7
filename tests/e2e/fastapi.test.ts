import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, type Project, sharedCollector, waitFor } from './harness/collector';
import { type PythonApp, startPythonApp } from './harness/pythonApp';
import { waitForIssue } from './harness/readApi';

const VISITOR_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:121.0) Gecko/20100101 Firefox/121.0';

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

  it('reports the failing route as an issue with its frames, tags, user and URL', async () => {
    const response = await fetch(`${app.url}/orders/7`, {
      headers: { 'User-Agent': VISITOR_UA, 'X-Customer-Id': 'c-9', 'X-Tenant': 'acme' },
    });
    expect(response.status).toBe(500);

    const { issue, event } = await waitForIssue(
      collector,
      project,
      'ZeroDivisionError: division by zero',
    );
    expect(issue).toMatchObject({ culprit: 'price_per_item(app)', level: 'error' });
    expect(event).toMatchObject({
      platform: 'python',
      release: 'orders@0.9.0',
      environment: 'e2e',
      transaction: '/orders/{order_id}',
      request: { url: `${app.url}/orders/7`, method: 'GET' },
    });
    // send_default_pii=False: the middleware's user id, and no address.
    expect(event.user).toEqual({ id: 'c-9' });
    expect(event.tags).toMatchObject({
      order_id: '7', // set in the route
      tenant: 'acme', // set by the middleware
      browser: 'Firefox 121.0',
      os: 'Mac OS X 10.15',
    });
    const exception = event.exception?.values.at(-1);
    expect(exception).toMatchObject({
      type: 'ZeroDivisionError',
      value: 'division by zero',
      mechanism: { handled: false },
    });
    const frames = exception?.stacktrace?.frames ?? [];
    expect(frames.at(-1)).toMatchObject({
      function: 'price_per_item',
      module: 'app',
      filename: 'app.py',
      in_app: true,
      vars: { total: '100', items: '0' }, // sentry-python sends reprs
    });
    expect(frames.at(-2)).toMatchObject({ function: 'get_order', module: 'app' });
  });

  // The transaction of the request the test above made.
  it("stores the request's transaction, in the same trace as its error", async () => {
    const { event } = await waitForIssue(collector, project, 'ZeroDivisionError: division by zero');
    const transaction = await waitFor(
      async () => {
        const list = await collector.api<Transaction[]>(
          `/api/0/projects/${project.id}/transactions/`,
        );
        return list.find((entry) => entry.name === '/orders/{order_id}');
      },
      { what: 'the request transaction' },
    );
    expect(transaction).toMatchObject({
      op: 'http.server',
      status: 'internal_error',
      release: 'orders@0.9.0',
      environment: 'e2e',
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(transaction.traceId).toBe(event.contexts?.trace?.trace_id);
    expect(transaction.durationMs).toBeGreaterThan(0);

    const stats = await collector.api<Stats>(`/api/0/projects/${project.id}/stats/`);
    expect(stats.outcomes).toContainEqual(
      expect.objectContaining({ outcome: 'accepted', category: 'transaction' }),
    );
    expect(stats.outcomes).toContainEqual(
      expect.objectContaining({ outcome: 'accepted', category: 'error' }),
    );
  });
});
