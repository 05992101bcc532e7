import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../harness/collector';
import { type PythonApp, startPythonApp } from '../harness/pythonApp';
import { type TraceJson, waitForTraceOf } from '../harness/readTrace';
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
<script src="/sdk/faultline.tracing.min.js"></script>
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

    const { trace, transaction: browser } = await waitForTraceOf(
      bed.collector,
      bed.project,
      (summary) => summary.op === 'pageload',
      'the browser pageload',
    );
    // The backend's transaction joins the same trace, maybe a little later.
    const joined = await waitFor(
      async () => {
        const current = await bed.collector.api<TraceJson>(
          `/api/0/projects/${bed.project.id}/traces/${trace.traceId}/`,
        );
        return current.transactions.find((each) => each.op === 'http.server');
      },
      { what: 'the backend transaction in the browser trace', timeoutMs: 60_000 },
    );
    const request = browser.spans.find(
      (span) => span.op === 'http.client' && span.description === `GET ${app.url}/health`,
    );
    expect(request).toBeDefined();
    expect(joined.name).toBe('/health');
    expect(joined.parentSpanId).toBe(request?.spanId);
    expect(pageErrors).toEqual([]);
  });
});
