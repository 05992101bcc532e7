import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/chromium';
import { type Collector, type Project, sharedCollector } from '../harness/collector';
import { waitForIssue } from '../harness/readApi';
import { openPage, type PageServer, sdkPage, startPageServer } from './sdkPages';

interface Crumb {
  category?: string;
  type?: string;
  level?: string;
  message?: string;
  data?: Record<string, unknown>;
}

describe('breadcrumbs in Chromium', () => {
  let collector: Collector;
  let browser: Browser;
  let server: PageServer;
  let context: BrowserContext;
  let project: Project;

  beforeAll(async () => {
    collector = sharedCollector();
    browser = await launchChromium();
    server = await startPageServer();
    server.serve('/app.js', '');
    server.serve('/data.json', '{"ok":true}');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    project = await collector.createProject('sdk-breadcrumbs');
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context.close();
  });

  it('arrive with the event: console, click, fetch, XHR and navigation, URLs without secrets', async () => {
    server.serve('/', sdkPage({ dsn: project.dsn }));
    const { page } = await openPage(context, `${server.origin}/`);
    await page.evaluate(async () => {
      console.warn('cart is empty');
      await fetch('/data.json?token=s3cr3t&page=2');
      await new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', '/missing?api_key=k3y');
        xhr.onloadend = resolve;
        xhr.send('{}');
      });
      history.pushState({}, '', '/checkout?session=abc123');
    });
    await page.click('#buy');
    await page.evaluate(() => {
      (
        window as unknown as { Faultline: { captureMessage: (m: string) => void } }
      ).Faultline.captureMessage('with breadcrumbs');
    });
    const { event } = await waitForIssue(collector, project, /with breadcrumbs/);
    const crumbs = (event as unknown as { breadcrumbs: { values: Crumb[] } }).breadcrumbs.values;

    expect(crumbs.map((crumb) => crumb.category)).toEqual([
      'console',
      'fetch',
      'xhr',
      'navigation',
      'ui.click',
    ]);
    expect(crumbs[0]).toMatchObject({ level: 'warning', message: 'cart is empty' });
    expect(crumbs[1]).toMatchObject({
      type: 'http',
      data: { method: 'GET', url: '/data.json?token=&page=', status_code: 200 },
    });
    expect(crumbs[2]).toMatchObject({
      level: 'error',
      data: { method: 'POST', url: '/missing?api_key=', status_code: 404 },
    });
    expect(crumbs[3]?.data).toEqual({
      from: `${server.origin}/`,
      to: `${server.origin}/checkout?session=`,
    });
    expect(crumbs[4]).toMatchObject({ message: 'button#buy.primary' });
    const sent = JSON.stringify(crumbs);
    for (const secret of ['s3cr3t', 'k3y', 'abc123']) expect(sent).not.toContain(secret);
  });

  it('can be switched off one by one', async () => {
    server.serve('/', sdkPage({ dsn: project.dsn, breadcrumbs: { console: false, fetch: false } }));
    const { page } = await openPage(context, `${server.origin}/`);
    await page.evaluate(async () => {
      console.error('not recorded');
      await fetch('/data.json');
      (
        window as unknown as { Faultline: { captureMessage: (m: string) => void } }
      ).Faultline.captureMessage('without console or fetch');
    });
    const { event } = await waitForIssue(collector, project, /without console or fetch/);
    expect((event as unknown as { breadcrumbs: { values: Crumb[] } }).breadcrumbs.values).toEqual(
      [],
    );
  });
});
