import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendLateWebVitals } from '../../scripts/lib/sendLateWebVitals.mjs';
import { launchChromium } from './harness/chromium';
import { type Collector, type Project, sharedCollector, waitFor } from './harness/collector';
import {
  createUser,
  type DashboardUser,
  seriousViolations,
  signedInPage,
} from './harness/dashboard';
import { type PythonApp, startPythonApp } from './harness/pythonApp';
import { type SentryTracingPage, serveSentryTracingPage } from './harness/sentryTracingPage';

interface TraceJson {
  transactions: { op: string; name: string; measurements: Record<string, unknown> }[];
  errors: { eventId: string; issueId: string | number; title: string }[];
}

interface RowJson {
  name: string;
  op: string;
}

/**
 * The performance pages in Chromium against the real collector, fed by a real
 * trace: @sentry/browser 11 (streamed spans, late web vitals) on a page whose
 * fetch reaches a FastAPI backend under the official sentry-sdk, which fails
 * with an error of the same trace.
 */
describe('the dashboard’s performance pages', () => {
  let collector: Collector;
  let project: Project;
  let backend: PythonApp;
  let site: SentryTracingPage;
  let browser: Browser;
  let user: DashboardUser;
  let traceId: string;
  let trace: TraceJson;

  beforeAll(async () => {
    collector = sharedCollector();
    project = await collector.createProject('performance-pages');
    backend = await startPythonApp({
      example: 'fastapi',
      args: ['-m', 'uvicorn', 'app:app', '--host', '127.0.0.1', '--port', '{port}'],
      env: { SENTRY_DSN: project.dsn, ORDERS_RELEASE: 'orders@0.9.0', ORDERS_ENVIRONMENT: 'e2e' },
      healthPath: '/health',
    });
    site = await serveSentryTracingPage({ apiUpstream: backend.url });
    browser = await launchChromium();
    user = await createUser(collector);

    const page = await browser.newPage();
    await page.goto(`${site.origin}/orders/17?dsn=${encodeURIComponent(project.dsn)}`);
    await page.waitForFunction(
      () => (window as { requestsDone?: boolean }).requestsDone && document.images[0]?.complete,
    );
    traceId = String(site.apiRequests.at(-1)?.['sentry-trace']).split('-')[0] ?? '';
    const tracePath = `/api/0/projects/${project.id}/traces/${traceId}/`;
    // The page load is streamed once idle; then a slow click and hiding the tab send LCP, CLS, INP.
    await waitFor(
      async () => {
        const current = await collector.api<TraceJson>(tracePath).catch(() => undefined);
        return current?.transactions.some((each) => each.op === 'pageload');
      },
      { timeoutMs: 90_000, what: 'the streamed page load' },
    );
    await sendLateWebVitals(page);
    trace = await waitFor(
      async () => {
        const current = await collector.api<TraceJson>(tracePath);
        const pageload = current.transactions.find((each) => each.op === 'pageload');
        const backendPart = current.transactions.some((each) => each.op === 'http.server');
        return pageload?.measurements.lcp && backendPart && current.errors.length > 0
          ? current
          : undefined;
      },
      { timeoutMs: 90_000, what: 'the late vitals, the backend transaction and its error' },
    );
    await page.close();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await backend?.stop();
  });

  /** The transaction names of the table's rows, top to bottom. */
  function tableNames(page: Page): Promise<string[]> {
    return page.locator('table.performance tbody th[scope="row"] a').allTextContents();
  }

  async function apiOrder(sort: string): Promise<string[]> {
    const rows = await collector.api<RowJson[]>(
      `/api/0/projects/${project.id}/performance/?period=24h&sort=${sort}`,
    );
    return rows.map((row) => row.name);
  }

  it('sorts the table, opens a transaction and its slowest sample’s waterfall with the error marked', async () => {
    const { context, page } = await signedInPage(browser, collector, user);
    await page.goto(`${collector.url}/projects/${project.id}/performance`);
    await page.locator('table.performance tbody tr').nth(1).waitFor({ timeout: 30_000 });

    // Each sort the API has, from a header or the select; the URL keeps it.
    await page.getByRole('button', { name: /^LCP/ }).click();
    await page.waitForURL(/sort=lcp/);
    await expect.poll(() => tableNames(page)).toEqual(await apiOrder('lcp'));
    const pageRow = page.locator('table.performance tbody tr').first();
    // The vitals say their rating in words, not only in colour.
    await expect
      .poll(() => pageRow.locator('.vital-rating').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^(good|needs improvement|poor)$/)]));
    expect(await pageRow.locator('.vital-rating').count()).toBe(5);
    for (const sort of ['count', 'opportunity', 'p75', 'inp', 'cls']) {
      await page.getByLabel('Sort by').selectOption(sort);
      await page.waitForURL(new RegExp(`sort=${sort}`));
      await expect.poll(() => tableNames(page)).toEqual(await apiOrder(sort));
    }
    await page.getByRole('button', { name: /^p95/ }).click();
    await page.waitForURL((url) => !url.searchParams.has('sort'));
    await expect.poll(() => tableNames(page)).toEqual(await apiOrder('p95'));

    // A bookmarked sort opens as it was left.
    await page.goto(`${collector.url}/projects/${project.id}/performance?sort=lcp`);
    await expect.poll(() => tableNames(page)).toEqual(await apiOrder('lcp'));

    // The page load's transaction: its charts, span ops and slowest samples.
    await page.getByRole('link', { name: '/orders/*' }).click();
    await page.waitForURL(/\/performance\/%2Forders%2F\*/);
    await page.locator('.chart canvas').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.span-ops li').count()).toBeGreaterThan(0);
    await page.locator('.samples a').first().click();
    await page.waitForURL(new RegExp(`/traces/${traceId}$`));

    // The waterfall: the backend's transaction right under the browser's fetch span.
    const rows = page.locator('.waterfall .wf-row');
    await rows.first().waitFor({ timeout: 30_000 });
    const labels = await rows.locator('.wf-label').allTextContents();
    const fetchRow = labels.findIndex((label) => label.includes('GET /api/orders/17'));
    const backendRow = labels.findIndex((label) => label.includes('/orders/{order_id}'));
    expect(fetchRow).toBeGreaterThanOrEqual(0);
    expect(backendRow).toBe(fetchRow + 1);
    const indent = (index: number) =>
      rows
        .nth(index)
        .locator('.wf-label')
        .evaluate((element) => Number.parseFloat(getComputedStyle(element).paddingLeft));
    expect(await indent(backendRow)).toBeGreaterThan(await indent(fetchRow));

    // The error is marked on the axis and links to its issue.
    const [error] = trace.errors;
    const errorRow = page.locator('.waterfall .wf-error');
    expect(await errorRow.count()).toBe(1);
    expect(await page.locator('.wf-error-mark').count()).toBe(1);
    await errorRow.getByRole('link', { name: error?.title }).click();
    await page.waitForURL(new RegExp(`/issues/${error?.issueId}/events/${error?.eventId}$`));
    await context.close();
  }, 180_000);

  /** The three pages, each with something to wait for. */
  function pages(): [string, string][] {
    return [
      [`/projects/${project.id}/performance?sort=lcp`, 'table.performance tbody tr'],
      [`/projects/${project.id}/performance/${encodeURIComponent('/orders/*')}`, '.samples a'],
      [`/projects/${project.id}/traces/${traceId}`, '.wf-error'],
    ];
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violations (${colorScheme})`, async () => {
      const { context, page } = await signedInPage(browser, collector, user);
      await page.emulateMedia({ colorScheme });
      for (const [path, ready] of pages()) {
        await page.goto(`${collector.url}${path}`);
        await page.locator(ready).first().waitFor({ timeout: 30_000 });
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await context.close();
    }, 120_000);
  }

  it('fits a 390 px wide phone without sideways scrolling', async () => {
    const { context, page } = await signedInPage(browser, collector, user, '/', {
      width: 390,
      height: 844,
    });
    for (const [path, ready] of pages()) {
      await page.goto(`${collector.url}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
    }
    await context.close();
  }, 120_000);
});
