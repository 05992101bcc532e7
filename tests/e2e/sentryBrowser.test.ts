import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { type Collector, type Project, sharedCollector, waitFor } from './harness/collector';
import { waitForIssue } from './harness/readApi';
import { type SentryBrowserPage, serveSentryBrowserPage } from './harness/sentryBrowserPage';

interface Stats {
  outcomes: { outcome: string; category: string; reason: string; quantity: number }[];
}

describe('@sentry/browser in Chromium', () => {
  let collector: Collector;
  let browser: Browser;
  let site: SentryBrowserPage;

  beforeAll(async () => {
    collector = sharedCollector();
    site = await serveSentryBrowserPage();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function openShop(project: Project) {
    const page = await browser.newPage();
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${collector.url}/api/`)) sent.push(request);
    });
    await page.goto(`${site.origin}/?dsn=${encodeURIComponent(project.dsn)}`);
    await page.waitForFunction(() => (window as { sentryReady?: boolean }).sentryReady);
    return { page, sent };
  }

  it('sends an uncaught error that becomes an issue with frames, tags, user and URL', async () => {
    const project = await collector.createProject('sentry-browser', [site.origin]);
    const { page, sent } = await openShop(project);
    await page.click('#buy');

    const { issue, event } = await waitForIssue(
      collector,
      project,
      /^TypeError: Cannot read properties of undefined \(reading 'items'\)$/,
    );
    expect(issue.culprit).toBe('checkout(app.js)');
    expect(event).toMatchObject({
      platform: 'javascript',
      release: 'web@3.1.0',
      environment: 'e2e',
      user: { id: 'u-7' },
      request: { url: `${site.origin}/?dsn=${encodeURIComponent(project.dsn)}` },
    });
    expect(event.tags).toMatchObject({ page: 'checkout', os: 'Linux', device: 'Desktop' });
    expect(event.tags['browser.name']).toMatch(/Chrome/);
    const frames = event.exception?.values.at(-1)?.stacktrace?.frames ?? [];
    expect(frames.at(-1)).toMatchObject({
      filename: `${site.origin}/app.js`,
      function: 'checkout',
      lineno: expect.any(Number),
      colno: expect.any(Number),
    });

    // What the SDK put on the wire: query-string auth and a text/plain body (no preflight).
    const envelopePost = sent.find((request) => request.postData()?.includes('"type":"event"'));
    expect(envelopePost?.method()).toBe('POST');
    const url = new URL(envelopePost?.url() ?? '');
    expect(url.pathname).toBe(`/api/${project.id}/envelope/`);
    expect(url.searchParams.get('sentry_key')).toBe(project.publicKey);
    expect(await envelopePost?.headerValue('content-type')).toMatch(/^text\/plain/);
    expect(sent.some((request) => request.method() === 'OPTIONS')).toBe(false);

    // Its session item was counted, not refused.
    const stats = await waitFor(async () => {
      const current = await collector.api<Stats>(`/api/0/projects/${project.id}/stats/`);
      return current.outcomes.some((row) => row.category === 'session') ? current : undefined;
    });
    expect(stats.outcomes).toContainEqual(
      expect.objectContaining({ outcome: 'received', category: 'session' }),
    );
    await page.close();
  });

  it('sends a string rejection as UnhandledRejection without a stack', async () => {
    const project = await collector.createProject('sentry-browser-rejection');
    const { page } = await openShop(project);
    await page.click('#reject');
    const { event } = await waitForIssue(collector, project, /^UnhandledRejection: /);
    expect(event.exception?.values.at(-1)?.value).toBe(
      'Non-Error promise rejection captured with value: payment declined',
    );
    await page.close();
  });

  it('is refused with a 403 from an origin the project does not allow', async () => {
    const project = await collector.createProject('sentry-browser-locked', [
      'https://shop.example.com',
    ]);
    const { page } = await openShop(project);
    const answered = page.waitForResponse((response) =>
      response.url().startsWith(`${collector.url}/api/${project.id}/envelope/`),
    );
    await page.click('#buy');
    expect((await answered).status()).toBe(403);
    await page.close();
  });
});
