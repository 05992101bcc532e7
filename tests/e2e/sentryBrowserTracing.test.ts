import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { type Collector, sharedCollector, waitFor } from './harness/collector';
import { type SentryTracingPage, serveSentryTracingPage } from './harness/sentryTracingPage';

interface Measurements {
  [name: string]: { value: number; unit?: string };
}

interface TraceJson {
  traceId: string;
  transactions: {
    eventId: string;
    name: string;
    op: string;
    spanId: string;
    parentSpanId: string | null;
    measurements: Measurements;
    data: Record<string, unknown>;
    spans: { spanId: string; parentSpanId: string | null; op: string; description: string }[];
  }[];
  errors: unknown[];
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
      { timeoutMs: 60_000, what: 'the streamed page load' },
    );
    expect(pageload).toMatchObject({ name: '/orders/*', op: 'pageload' });
    expect(pageload?.measurements.lcp).toBeUndefined();

    // A slow click, then the tab is hidden: LCP, CLS and INP come as spans of their own.
    await page.click('#slow');
    await page.waitForFunction(() => (window as { clickTimed?: boolean }).clickTimed);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const tracePath = `/api/0/projects/${project.id}/traces/${pageload?.traceId}/`;
    const trace = await waitFor(
      async () => {
        const current = await collector.api<TraceJson>(tracePath);
        const measured = current.transactions[0]?.measurements ?? {};
        return measured.lcp && measured.cls && measured.inp ? current : undefined;
      },
      { timeoutMs: 60_000, what: 'the late web vitals' },
    );
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
  });
});
