import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendLateWebVitals } from '../../scripts/lib/sendLateWebVitals.mjs';
import { launchChromium } from './harness/chromium';
import { type Collector, type Project, sharedCollector, waitFor } from './harness/collector';
import { type PythonApp, startPythonApp } from './harness/pythonApp';
import { type SentryTracingPage, serveSentryTracingPage } from './harness/sentryTracingPage';

interface Measurements {
  [name: string]: { value: number; unit?: string };
}

interface TraceJson {
  traceId: string;
  transactions: {
    eventId: string;
    status: string;
    name: string;
    op: string;
    spanId: string;
    parentSpanId: string | null;
    measurements: Measurements;
    data: Record<string, unknown>;
    spans: { spanId: string; parentSpanId: string | null; op: string; description: string }[];
  }[];
  errors: { eventId: string; issueId: string | number; title: string }[];
}

interface PerformanceRow {
  name: string;
  op: string;
  count: number;
  vitals: Record<string, { p75: number | null }>;
}

interface ListedTransaction {
  name: string;
  op: string;
  traceId: string;
  measurements: Measurements;
}

describe('@sentry/browser 11 with browser tracing in Chromium', () => {
  let collector: Collector;
  let browser: Browser;
  let site: SentryTracingPage;

  beforeAll(async () => {
    collector = sharedCollector();
    site = await serveSentryTracingPage();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('stores its streamed page load as the trace model, with the web vitals sent when the page is hidden', async () => {
    const project = await collector.createProject('sentry-tracing', [site.origin]);
    const page = await browser.newPage();
    await page.goto(`${site.origin}/orders/17?dsn=${encodeURIComponent(project.dsn)}`);
    await page.waitForFunction(
      () => (window as { requestsDone?: boolean }).requestsDone && document.images[0]?.complete,
    );

    // The page load ends when idle and @sentry/browser streams its spans.
    const listPath = `/api/0/projects/${project.id}/transactions/`;
    const [pageload] = await waitFor(
      async () => {
        const listed = await collector.api<ListedTransaction[]>(listPath);
        return listed.length > 0 ? listed : undefined;
      },
      { timeoutMs: 90_000, what: 'the streamed page load' },
    );
    expect(pageload).toMatchObject({ name: '/orders/*', op: 'pageload' });
    expect(pageload?.measurements.lcp).toBeUndefined();
    const streamedAt = Date.now();

    // A slow click, then the tab is hidden: LCP, CLS and INP come as spans of their own.
    await sendLateWebVitals(page);
    const tracePath = `/api/0/projects/${project.id}/traces/${pageload?.traceId}/`;
    let measuredSoFar = '';
    const trace = await waitFor(
      async () => {
        const current = await collector.api<TraceJson>(tracePath);
        const measured = current.transactions[0]?.measurements ?? {};
        measuredSoFar = Object.keys(measured).join(', ');
        return measured.lcp && measured.cls && measured.inp ? current : undefined;
      },
      { timeoutMs: 90_000, what: 'the late web vitals' },
    ).catch((error) => {
      throw new Error(
        `${error.message} (measured: ${measuredSoFar}; ${Date.now() - streamedAt} ms)`,
      );
    });
    await page.close();

    expect(trace.transactions).toHaveLength(1);
    const [stored] = trace.transactions;
    expect(stored).toMatchObject({ name: '/orders/*', op: 'pageload', parentSpanId: null });
    const measurements = stored?.measurements ?? {};
    for (const vital of ['lcp', 'fcp', 'ttfb', 'inp']) {
      expect(measurements[vital]?.unit, vital).toBe('millisecond');
      expect(measurements[vital]?.value, vital).toBeGreaterThan(0);
    }
    expect(measurements.cls?.value).toBeGreaterThan(0);
    expect(measurements.inp?.value).toBeGreaterThanOrEqual(300);
    expect(stored?.data['inp.target']).toBe('body > button#slow');

    const spans = stored?.spans ?? [];
    for (const span of spans) expect(span.parentSpanId).toBe(stored?.spanId);
    const kinds = spans.map((span) => `${span.op} ${span.description}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'http.client GET /api/orders/17',
        'resource.script /app.js',
        'resource.img /hero.svg',
        `browser.request ${site.origin}/orders/17`,
      ]),
    );
    expect(JSON.stringify(trace)).not.toContain('e2e-secret-token');
    expect(kinds.filter((kind) => kind.startsWith('ui.webvital.'))).toEqual([]);

    // The fetch carried the trace to the API, so a backend's transaction would join it.
    const header = site.apiRequests.at(-1)?.['sentry-trace'];
    const fetchSpan = spans.find((span) => span.op === 'http.client');
    expect(header).toBe(`${trace.traceId}-${fetchSpan?.spanId}-1`);

    // The list of transactions shows the merged measurements.
    const [listed] = await collector.api<ListedTransaction[]>(listPath);
    expect(listed?.measurements).toEqual(measurements);

    // The performance table counts the page load with its late vitals: p75 of one value is
    // that value, within the aggregates' 1 %.
    const [row] = await collector.api<PerformanceRow[]>(
      `/api/0/projects/${project.id}/performance/?period=24h&sort=lcp`,
    );
    expect(row).toMatchObject({ name: '/orders/*', op: 'pageload', count: 1 });
    for (const vital of ['lcp', 'cls', 'inp', 'fcp', 'ttfb']) {
      const value = measurements[vital]?.value ?? 0;
      const p75 = row?.vitals[vital]?.p75 ?? 0;
      expect(Math.abs(p75 - value), vital).toBeLessThanOrEqual(value * 0.01);
    }
  }, 240_000);

  describe('with a FastAPI backend under the official sentry-sdk', () => {
    let project: Project;
    let backend: PythonApp;
    let proxied: SentryTracingPage;

    beforeAll(async () => {
      project = await collector.createProject('sentry-tracing-fastapi', []);
      backend = await startPythonApp({
        example: 'fastapi',
        args: ['-m', 'uvicorn', 'app:app', '--host', '127.0.0.1', '--port', '{port}'],
        env: { SENTRY_DSN: project.dsn, ORDERS_RELEASE: 'orders@0.9.0', ORDERS_ENVIRONMENT: 'e2e' },
        healthPath: '/health',
      });
      proxied = await serveSentryTracingPage({ apiUpstream: backend.url });
    });

    afterAll(async () => {
      await proxied?.stop();
      await backend?.stop();
    });

    it('reads back one trace: the page load, the backend transaction under its fetch span, and the backend error', async () => {
      const page = await browser.newPage();
      await page.goto(`${proxied.origin}/orders/17?dsn=${encodeURIComponent(project.dsn)}`);
      await page.waitForFunction(() => (window as { requestsDone?: boolean }).requestsDone);
      const traceId = String(proxied.apiRequests.at(-1)?.['sentry-trace']).split('-')[0];
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);

      const trace = await waitFor(
        async () => {
          const current = await collector.api<TraceJson>(
            `/api/0/projects/${project.id}/traces/${traceId}/`,
          );
          const ops = current.transactions.map((each) => each.op);
          return ops.includes('pageload') &&
            ops.includes('http.server') &&
            current.errors.length > 0
            ? current
            : undefined;
        },
        { timeoutMs: 90_000, what: 'the page load, the backend transaction and its error' },
      );
      await page.close();

      const browserPart = trace.transactions.find((each) => each.op === 'pageload');
      const backendPart = trace.transactions.find((each) => each.op === 'http.server');
      const fetchSpan = browserPart?.spans.find((span) => span.op === 'http.client');
      expect(fetchSpan?.description).toBe('GET /api/orders/17');
      expect(backendPart).toMatchObject({
        name: '/orders/{order_id}',
        parentSpanId: fetchSpan?.spanId,
      });
      expect(trace.transactions.map((each) => each.op)).toEqual(['pageload', 'http.server']);
      expect(trace.errors).toEqual([
        expect.objectContaining({ title: 'ZeroDivisionError: division by zero' }),
      ]);
    }, 180_000);
  });
});
