import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PythonApp, startPythonApp } from '../harness/pythonApp';
import { waitForTransaction } from '../harness/readTransactions';
import { openPage } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

describe('a FastAPI backend under the official sentry-sdk joins the browser trace', () => {
  const bed = useSdkTestbed(null);
  let app: PythonApp;

  beforeAll(async () => {
    bed.project = await bed.collector.createProject('sdk-perf-backend');
    app = await startPythonApp({
      example: 'fastapi',
      args: ['-m', 'uvicorn', 'app:app', '--host', '127.0.0.1', '--port', '{port}'],
      env: { SENTRY_DSN: bed.project.dsn, ORDERS_ENVIRONMENT: 'e2e' },
      healthPath: '/health',
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("stores the backend transaction under the browser's http.client span", async () => {
    bed.server.serve(
      '/orders-page',
      `<!doctype html><html><head>
<script src="/sdk/faultline.min.js"></script>
<script>Faultline.init({ dsn: ${JSON.stringify(bed.project.dsn)}, tracesSampleRate: 1,
  tracePropagationTargets: [${JSON.stringify(app.url)}] });
window.coreStartSpan = Faultline.startSpan;</script>
</head><body><p>orders</p></body></html>`,
    );
    const { page, pageErrors } = await openPage(bed.context, `${bed.server.origin}/orders-page`);
    await page.waitForFunction(
      () =>
        (window as unknown as { Faultline: { startSpan: unknown }; coreStartSpan: unknown })
          .Faultline.startSpan !== (window as unknown as { coreStartSpan: unknown }).coreStartSpan,
    );
    const status = await page.evaluate(
      async (url) => (await fetch(`${url}/health?probe=1`)).status,
      app.url,
    );
    expect(status).toBe(200);
    await page.goto('about:blank');

    const browser = await waitForTransaction(
      bed.collector,
      bed.project,
      (summary) => summary.op === 'pageload',
      'the browser pageload',
    );
    const backend = await waitForTransaction(
      bed.collector,
      bed.project,
      (summary) => summary.op === 'http.server' && summary.name === '/health',
      'the backend transaction',
    );
    const request = browser.spans.find(
      (span) => span.op === 'http.client' && span.description === `GET ${app.url}/health?probe=`,
    );
    expect(request).toBeDefined();
    expect(backend.contexts.trace.trace_id).toBe(browser.contexts.trace.trace_id);
    expect(backend.contexts.trace.parent_span_id).toBe(request?.span_id);
    expect(pageErrors).toEqual([]);
  });
});
