import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { type Collector, type Project, sharedCollector } from './harness/collector';
import { type RavenJsPage, serveRavenJsPage } from './harness/ravenJsPage';
import { type StoredEvent, waitForIssue } from './harness/readApi';

// raven-js, the browser SDK before @sentry/browser, still runs on many sites.
// It posts one event to the legacy store endpoint, authenticated in the query
// string, as text/plain: no CORS preflight.
describe('raven-js 3.27 in Chromium, on the legacy store endpoint', () => {
  let collector: Collector;
  let browser: Browser;
  let site: RavenJsPage;

  beforeAll(async () => {
    collector = sharedCollector();
    site = await serveRavenJsPage();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function openShop(project: Project) {
    const page = await browser.newPage();
    const sent: Request[] = [];
    const pageErrors: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${collector.url}/api/`)) sent.push(request);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const url = `${site.origin}/?dsn=${encodeURIComponent(project.dsn)}`;
    await page.goto(url);
    return { page, sent, pageErrors, url };
  }

  /** What every raven-js event carries from `Raven.config` and the page's context. */
  function expectPageContext(event: StoredEvent, url: string) {
    expect(event).toMatchObject({
      platform: 'javascript',
      release: 'shop@4.2.0',
      environment: 'e2e',
      request: { url },
    });
    expect(event.tags).toMatchObject({ page: 'checkout', plan: 'pro' });
    expect(event.user?.id).toBe('u-42');
    expect(event.user?.email).toBe('[email]'); // scrubbed by design, like any email
  }

  it('reports an uncaught error with its frames, tags, user, release and page URL', async () => {
    const project = await collector.createProject('raven-js-uncaught', [site.origin]);
    const { page, sent, pageErrors, url } = await openShop(project);
    await page.click('#buy');

    const { issue, event } = await waitForIssue(
      collector,
      project,
      "TypeError: Cannot read properties of undefined (reading 'items')",
    );
    // raven-js reports it and rethrows: the page still sees it uncaught.
    expect(pageErrors).toEqual(["Cannot read properties of undefined (reading 'items')"]);
    expect(issue).toMatchObject({ level: 'error', count: 1 });
    expectPageContext(event, url);
    const exception = event.exception?.values.at(-1);
    expect(exception).toMatchObject({
      type: 'TypeError',
      value: "Cannot read properties of undefined (reading 'items')",
    });
    // Oldest first: raven-js's own wrapper of the listener, the listener, then the crash.
    const frames = exception?.stacktrace?.frames ?? [];
    expect(frames.slice(-3)).toMatchObject([
      { filename: `${site.origin}/raven.min.js`, in_app: false },
      {
        filename: `${site.origin}/app.js`,
        function: 'HTMLButtonElement.<anonymous>',
        lineno: 11,
        in_app: true,
      },
      {
        filename: `${site.origin}/app.js`,
        function: 'checkout',
        lineno: 2,
        colno: expect.any(Number),
        in_app: true,
      },
    ]);

    // On the wire: the store endpoint, sentry_version=7 and the key in the
    // query string, no auth header, a text/plain body and no preflight.
    expect(sent.map((request) => request.method())).toEqual(['POST']);
    const [post] = sent as [Request];
    const endpoint = new URL(post.url());
    expect(endpoint.pathname).toBe(`/api/${project.id}/store/`);
    expect(Object.fromEntries(endpoint.searchParams)).toEqual({
      sentry_version: '7',
      sentry_client: 'raven-js/3.27.2',
      sentry_key: project.publicKey,
    });
    const headers = await post.allHeaders();
    expect(headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(headers['x-sentry-auth']).toBeUndefined();
    expect(post.postDataJSON()).toMatchObject({ event_id: event.event_id, logger: 'javascript' });
    const response = await post.response();
    expect(response?.status()).toBe(200);
    expect(await response?.json()).toEqual({ id: event.event_id });
    await page.close();
  });

  it('reports Raven.captureException with the frames of where it was thrown', async () => {
    const project = await collector.createProject('raven-js-capture', [site.origin]);
    const { page, pageErrors, url } = await openShop(project);
    await page.click('#refund');

    const { issue, event } = await waitForIssue(
      collector,
      project,
      'RangeError: refund of -5 is out of range',
    );
    expect(pageErrors).toEqual([]);
    expect(issue.culprit).toMatch(/refund/);
    expectPageContext(event, url);
    const frames = event.exception?.values.at(-1)?.stacktrace?.frames ?? [];
    expect(frames.at(-1)).toEqual({
      filename: `${site.origin}/app.js`,
      function: 'refund',
      lineno: 6,
      colno: 11,
      in_app: true,
    });
    await page.close();
  });

  it('reports Raven.captureMessage as an issue at the level given', async () => {
    const project = await collector.createProject('raven-js-message', [site.origin]);
    const { page, url } = await openShop(project);
    await page.click('#coupon');

    const { issue, event } = await waitForIssue(collector, project, 'coupon WELCOME10 has expired');
    expect(issue).toMatchObject({ level: 'warning', count: 1 });
    expect(event).toMatchObject({ level: 'warning', message: 'coupon WELCOME10 has expired' });
    expect(event.exception).toBeUndefined();
    expectPageContext(event, url);
    await page.close();
  });
});
