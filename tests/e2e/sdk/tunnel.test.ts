import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/chromium';
import { type Collector, type Project, sharedCollector, waitFor } from '../harness/collector';
import { waitForIssue } from '../harness/readApi';
import { openPage, type PageServer, sdkPage, startPageServer } from './sdkPages';

describe('the tunnel option in Chromium', () => {
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
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    project = await collector.createProject('sdk-tunnel');
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context.close();
  });

  it('posts to a path on the page’s own origin, with the DSN a tunnel forwards by', async () => {
    server.answerApi(() => ({ status: 200 }));
    server.serve('/', sdkPage({ dsn: project.dsn, tunnel: '/api/tunnel' }));
    server.apiRequests.length = 0;
    const { page } = await openPage(context, `${server.origin}/`);
    await page.evaluate(() => {
      (
        window as unknown as { Faultline: { captureException: (error: Error) => void } }
      ).Faultline.captureException(new Error('through the tunnel'));
    });
    await waitFor(async () => (server.apiRequests.length === 1 ? true : undefined), {
      what: 'the envelope at the tunnel',
    });
    const [request] = server.apiRequests;
    expect(request?.url).toBe('/api/tunnel');

    // What a tunnel does: read the DSN from the envelope header and post the
    // body, unchanged, to that project's envelope endpoint.
    const body = request?.body ?? '';
    const header = JSON.parse(body.split('\n')[0] ?? '{}') as { dsn?: string };
    expect(header.dsn).toBe(project.dsn);
    const dsn = new URL(header.dsn ?? '');
    const forwarded = await fetch(`${dsn.origin}/api${dsn.pathname}/envelope/`, {
      method: 'POST',
      body,
    });
    expect(forwarded.status).toBe(200);
    const { event } = await waitForIssue(collector, project, 'Error: through the tunnel');
    expect(event.request?.url).toBe(`${server.origin}/`);
  });
});
