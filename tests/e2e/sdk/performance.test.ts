import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../harness/collector';
import { waitForIssue } from '../harness/readApi';
import { type TraceSpanJson, waitForTraceOf } from '../harness/readTrace';
import { openPage, type PageServer, sdkFile, startPageServer } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;
const RATINGS = ['good', 'needs-improvement', 'poor'];

/**
 * A large picture, served late so it is the page's largest contentful paint:
 * many small squares, as Chrome leaves low-content images (a plain colour)
 * out of LCP. A fixed sequence, not chance, places them.
 */
function heroImage(): string {
  let seed = 7;
  const next = (limit: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % limit;
  };
  const squares = Array.from(
    { length: 400 },
    () =>
      `<rect x="${next(880)}" y="${next(580)}" width="20" height="20" fill="#${next(0xffffff).toString(16).padStart(6, '0')}"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600">${squares.join('')}</svg>`;
}
const HERO = heroImage();

/** A page with the SDK by script tag, a late large image, a layout shift and a slow button. */
function perfPage(options: Record<string, unknown>): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>perf test</title>
<script src="/sdk/faultline.tracing.min.js"></script>
<script>Faultline.init(${JSON.stringify(options)}); window.coreStartSpan = Faultline.startSpan;</script>
</head><body>
<div id="banner-slot"></div>
<p class="intro">Order summary</p>
<button id="slow" class="primary">Pay</button>
<img id="hero" class="big" src="/hero.svg?v=secret-value" width="900" height="600">
<script>
  window.interactions = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.interactionId) window.interactions++;
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  document.getElementById('slow').addEventListener('click', () => {
    const until = performance.now() + 300;
    while (performance.now() < until);
    document.querySelector('.intro').textContent = 'Paid';
  });
  // A banner pushes the content down after the first paint: a layout shift.
  setTimeout(() => {
    const banner = document.createElement('div');
    banner.style.height = '180px';
    document.getElementById('banner-slot').append(banner);
  }, 200);
</script>
</body></html>`;
}

/** Resolves once perf.min.js has replaced the tracing bundle's `startSpan`. */
const waitForPerfPart = (page: Page) =>
  waitFor(
    () =>
      page.evaluate(
        () =>
          (window as unknown as { Faultline: { startSpan: unknown }; coreStartSpan: unknown })
            .Faultline.startSpan !==
            (window as unknown as { coreStartSpan: unknown }).coreStartSpan || undefined,
      ),
    { what: 'the performance part' },
  );

interface FaultlineApi {
  startSpan<T>(context: { name: string; op?: string }, callback: () => T): T;
  setTransactionName(name: string): void;
  captureException(error: unknown): string;
}

const spansOf = (spans: TraceSpanJson[], op: string) => spans.filter((span) => span.op === op);

describe('performance in Chromium', () => {
  const bed = useSdkTestbed('sdk-perf');
  let crossOrigin: PageServer;

  beforeAll(async () => {
    crossOrigin = await startPageServer();
    bed.server.serve('/hero.svg', HERO, 600);
  });
  afterAll(async () => {
    await crossOrigin?.stop();
  });

  it('fetches no performance code for a page load the sample leaves out', async () => {
    bed.server.serve('/unsampled', perfPage({ dsn: bed.project.dsn, tracesSampleRate: 0 }));
    const page = await bed.context.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${bed.server.origin}/unsampled`, { waitUntil: 'load' });
    const result = await page.evaluate(async () => {
      const faultline = (window as unknown as { Faultline: FaultlineApi }).Faultline;
      faultline.setTransactionName('/ignored');
      const value = faultline.startSpan({ name: 'work' }, () => 42);
      await fetch('/api/things/1?token=abc');
      return value;
    });
    expect(result).toBe(42);
    await page.goto('about:blank');

    const urls = requests.map((request) => request.url());
    expect(urls).toContain(`${bed.server.origin}/sdk/faultline.tracing.min.js`);
    expect(urls.filter((url) => /perf|web-vitals/.test(url))).toEqual([]);
    const fetched = requests.find((request) => request.url().includes('/api/things/1'));
    expect(await fetched?.allHeaders()).not.toHaveProperty('sentry-trace');
    expect(pageErrors).toEqual([]);
  });

  it('sends a pageload transaction with web vitals, phases, resources, long tasks and requests', async () => {
    const marker = randomBytes(6).toString('hex');
    bed.server.serve(
      '/checkout',
      perfPage({
        dsn: bed.project.dsn,
        release: 'perf@1.0',
        environment: 'e2e',
        tracesSampleRate: 1,
      }),
    );
    const { page, pageErrors } = await openPage(bed.context, `${bed.server.origin}/checkout`);
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await waitForPerfPart(page);
    await page.waitForFunction(
      () => (document.getElementById('hero') as HTMLImageElement).complete,
    );

    const spanResult = await page.evaluate(
      async ([cross, text]) => {
        const faultline = (window as unknown as { Faultline: FaultlineApi }).Faultline;
        await fetch('/api/things/17?token=abc');
        await fetch(`${cross}/api/ping?session=xyz`);
        const sync = faultline.startSpan({ name: 'compute totals', op: 'function' }, () => 7);
        const later = await faultline.startSpan(
          { name: 'render receipt', op: 'ui.render' },
          () => new Promise((resolve) => setTimeout(() => resolve(8), 50)),
        );
        faultline.captureException(new Error(`failure during the page load ${text}`));
        return [sync, later];
      },
      [crossOrigin.origin, marker] as const,
    );
    expect(spanResult).toEqual([7, 8]);
    await page.click('#slow');
    await waitFor(
      () =>
        page.evaluate(
          () => (window as unknown as { interactions: number }).interactions > 0 || undefined,
        ),
      { what: 'the click interaction' },
    );
    await page.goto('about:blank'); // hidden, then left: the page load is sent

    const { trace, transaction } = await waitForTraceOf(
      bed.collector,
      bed.project,
      (summary) => summary.op === 'pageload',
      'the pageload transaction',
    );
    expect(trace.traceId).toMatch(HEX32);
    expect(transaction.spanId).toMatch(HEX16);
    expect(transaction).toMatchObject({
      op: 'pageload',
      name: '/checkout',
      nameSource: 'sanitized', // sent as 'url'; the collector parameterizes such names
      release: 'perf@1.0',
      environment: 'e2e',
      parentSpanId: null,
    });
    expect(Date.parse(transaction.timestamp)).toBeGreaterThan(
      Date.parse(transaction.startTimestamp),
    );

    // Web vitals, each with its rating, and the attribution read from their entries.
    const { measurements, data } = transaction;
    for (const name of ['lcp', 'fcp', 'ttfb', 'inp']) {
      expect(measurements[name]).toMatchObject({ unit: 'millisecond' });
      expect(RATINGS).toContain(data[`${name}.rating`]);
    }
    expect(measurements.inp?.value).toBeGreaterThanOrEqual(300); // the slow click handler
    expect(measurements.cls?.value).toBeGreaterThan(0);
    expect(RATINGS).toContain(data['cls.rating']);
    expect(data).toMatchObject({
      'lcp.element': 'img#hero.big',
      'inp.target': 'button#slow.primary',
    });
    expect(String(data['lcp.url'])).toMatch(/\/hero\.svg\?v=$/);
    expect(['pointerdown', 'pointerup', 'click', 'mousedown', 'mouseup']).toContain(
      data['inp.event'],
    );
    expect(data['cls.source']).toMatch(/^[a-z]+/); // an element that moved

    // Child spans: navigation phases, resources, long tasks, requests, custom spans.
    const spans = transaction.spans;
    for (const span of spans) {
      expect(span.parentSpanId).toBe(transaction.spanId);
      expect(Date.parse(span.timestamp)).toBeGreaterThanOrEqual(Date.parse(span.startTimestamp));
    }
    for (const op of [
      'browser.request',
      'browser.response',
      'browser.domContentLoadedEvent',
      'browser.loadEvent',
    ]) {
      expect(spansOf(spans, op)).toHaveLength(1);
    }
    const image = spansOf(spans, 'resource.img')[0];
    expect(image?.description).toBe('/hero.svg');
    expect(image?.data?.['http.decoded_response_content_length']).toBe(HERO.length);
    const core = spansOf(spans, 'resource.script').find(
      (span) => span.description === '/sdk/faultline.tracing.min.js',
    );
    expect(core?.data).toHaveProperty('resource.render_blocking_status');
    expect(spans.some((span) => span.description.includes('perf.min.js'))).toBe(false);
    expect(spans.some((span) => span.description.includes('/envelope/'))).toBe(false);
    expect(spansOf(spans, 'ui.long-task').length).toBeGreaterThan(0);

    const http = spansOf(spans, 'http.client');
    const sameOrigin = http.find((span) => span.description === 'GET /api/things/17');
    const other = http.find((span) => span.description === `GET ${crossOrigin.origin}/api/ping`);
    expect(sameOrigin?.data).toMatchObject({
      'http.method': 'GET',
      'http.response.status_code': 200,
    });
    expect(other?.data).toMatchObject({ 'http.response.status_code': 200 });
    expect(http).toHaveLength(2); // the SDK's own posts are not among them
    expect(spans.find((span) => span.description === 'compute totals')?.op).toBe('function');
    expect(spans.find((span) => span.description === 'render receipt')?.op).toBe('ui.render');

    // Trace headers on the same-origin request only, naming its span as the parent.
    const sent = requests.find((request) => request.url().includes('/api/things/17'));
    const headers = await sent?.allHeaders();
    expect(headers?.['sentry-trace']).toBe(`${trace.traceId}-${sameOrigin?.spanId}-1`);
    expect(headers?.baggage?.split(',').sort()).toEqual(
      [
        `sentry-environment=e2e`,
        `sentry-public_key=${bed.project.publicKey}`,
        `sentry-release=perf%401.0`,
        `sentry-sample_rate=1`,
        `sentry-sampled=true`,
        `sentry-trace_id=${trace.traceId}`,
      ].sort(),
    );
    const crossSent = requests.find((request) => request.url().includes('/api/ping'));
    const crossHeaders = await crossSent?.allHeaders();
    expect(crossHeaders).not.toHaveProperty('sentry-trace');
    expect(crossHeaders).not.toHaveProperty('baggage');

    // An error captured during the page load carries its trace.
    const { event } = await waitForIssue(
      bed.collector,
      bed.project,
      `Error: failure during the page load ${marker}`,
    );
    expect(event.contexts?.trace?.trace_id).toBe(trace.traceId);
    expect(pageErrors).toEqual([]);
  });

  it('sends an SPA navigation as a navigation transaction named by setTransactionName', async () => {
    bed.server.serve('/app', perfPage({ dsn: bed.project.dsn, tracesSampleRate: 1 }));
    bed.server.serve('/api/orders/42', '{}');
    const { page, pageErrors } = await openPage(bed.context, `${bed.server.origin}/app`);
    await waitForPerfPart(page);
    await page.evaluate(async () => {
      const faultline = (window as unknown as { Faultline: FaultlineApi }).Faultline;
      history.pushState({}, '', '/orders/42');
      faultline.setTransactionName('/orders/:id');
      await fetch('/api/orders/42?expand=items');
    });
    const { transaction: navigation } = await waitForTraceOf(
      bed.collector,
      bed.project,
      (summary) => summary.op === 'navigation',
      'the navigation transaction',
    );
    expect(navigation).toMatchObject({ name: '/orders/:id', nameSource: 'custom' });
    expect(spansOf(navigation.spans, 'http.client').map((span) => span.description)).toEqual([
      'GET /api/orders/42',
    ]);
    expect(pageErrors).toEqual([]);
  });

  it("loads the tracing bundle and the performance part beside it with the loader snippet's data-tracing", async () => {
    bed.server.serve(
      '/loaded',
      `<!doctype html><html><head><script src="/sdk/loader.min.js" data-tracing></script>
<script>Faultline.init({ dsn: ${JSON.stringify(bed.project.dsn)}, tracesSampleRate: 1 });
window.answer = Faultline.startSpan({ name: 'early' }, () => 'ran');</script></head><body><p>hello</p></body></html>`,
    );
    const page = await bed.context.newPage();
    const perfRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('perf')) perfRequests.push(request.url());
    });
    await page.goto(`${bed.server.origin}/loaded`);
    expect(await page.evaluate(() => (window as unknown as { answer: string }).answer)).toBe('ran');
    await waitFor(() => Promise.resolve(perfRequests.length > 0 || undefined), {
      what: 'perf.min.js',
    });
    expect(perfRequests).toEqual([`${bed.server.origin}/sdk/perf.min.js`]);
    await page.goto('about:blank');
    const { transaction } = await waitForTraceOf(
      bed.collector,
      bed.project,
      (summary) => summary.op === 'pageload',
      'the pageload transaction',
    );
    expect(transaction.name).toBe('/loaded');
  });

  it("imports the ESM build's performance chunk only for a sampled page load", async () => {
    sdkFile('faultline.min.js'); // builds dist if it is missing
    const dist = join(import.meta.dirname, '../../../packages/browser/dist');
    for (const file of ['faultline.mjs', 'faultline.startPerf.mjs'])
      bed.server.serve(`/esm/${file}`, readFileSync(join(dist, file), 'utf8'));
    const esmPage = (rate: number) => `<!doctype html><html><head><script type="module">
import { init, startSpan } from '/esm/faultline.mjs';
init({ dsn: ${JSON.stringify(bed.project.dsn)}, tracesSampleRate: ${rate} });
window.spanResult = startSpan({ name: 'esm work', op: 'ui.render' }, () => 'ran');
window.later = () => startSpan({ name: 'esm later', op: 'ui.render' }, () => 'later');
</script></head><body><p>esm</p></body></html>`;
    bed.server.serve('/esm-unsampled', esmPage(0));
    bed.server.serve('/esm-sampled', esmPage(1));

    const chunkRequests: string[] = [];
    const page = await bed.context.newPage();
    page.on('request', (request) => {
      if (request.url().includes('startPerf')) chunkRequests.push(request.url());
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${bed.server.origin}/esm-unsampled`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { spanResult?: string }).spanResult);
    expect(await page.evaluate(() => (window as unknown as { later: () => string }).later())).toBe(
      'later',
    );
    expect(chunkRequests).toEqual([]);

    await page.goto(`${bed.server.origin}/esm-sampled`, { waitUntil: 'load' });
    await waitFor(() => Promise.resolve(chunkRequests.length > 0 || undefined), {
      what: 'the performance chunk',
    });
    // The chunk has run once it has wrapped fetch; from then on startSpan times its callback.
    await page.waitForFunction(() => !String(window.fetch).includes('[native code]'));
    await page.evaluate(() => (window as unknown as { later: () => string }).later());
    await page.goto('about:blank');
    expect(chunkRequests).toEqual([`${bed.server.origin}/esm/faultline.startPerf.mjs`]);
    const { transaction } = await waitForTraceOf(
      bed.collector,
      bed.project,
      (summary) => summary.op === 'pageload' && summary.name === '/esm-sampled',
      'the ESM pageload transaction',
    );
    expect(spansOf(transaction.spans, 'ui.render').map((span) => span.description)).toContain(
      'esm later',
    );
    expect(pageErrors).toEqual([]);
  });
});
