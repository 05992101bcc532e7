import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../harness/chromium';
import { type Collector, type Project, sharedCollector } from '../harness/collector';
import { type Issue, waitForIssue } from '../harness/readApi';
import { openPage, type PageServer, sdkPage, startPageServer } from './sdkPages';

// To show that an event did NOT arrive without sleeping, each test then sends
// a marker event from a page with default options; once the marker is there,
// anything sent before it would have been stored too.
const MARKER = `<!doctype html><script src="/sdk/faultline.min.js"></script>
<script>Faultline.init({ dsn: new URLSearchParams(location.search).get('dsn') });
Faultline.captureMessage('marker');</script>`;

describe('what the page controls, in Chromium', () => {
  let collector: Collector;
  let browser: Browser;
  let server: PageServer;
  let context: BrowserContext;
  let project: Project;

  const issueTitles = async () =>
    (await collector.api<Issue[]>(`/api/0/projects/${project.id}/issues/`)).map(
      (issue) => issue.title,
    );
  const sendMarker = async () => {
    await openPage(context, `${server.origin}/marker?dsn=${encodeURIComponent(project.dsn)}`);
    await waitForIssue(collector, project, 'marker');
  };

  beforeAll(async () => {
    collector = sharedCollector();
    browser = await launchChromium();
    server = await startPageServer();
    server.serve('/app.js', '');
    server.serve('/marker', MARKER);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    project = await collector.createProject('sdk-controls');
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context.close();
  });

  it('beforeSend drops the events it returns null for', async () => {
    server.serve(
      '/',
      sdkPage(
        { dsn: project.dsn },
        `setTimeout(() => { throw new Error('internal only'); });
         setTimeout(() => { throw new Error('worth reporting'); }, 10);`,
        `beforeSend: (event) => event.exception.values[0].value === 'internal only' ? null : event`,
      ),
    );
    await openPage(context, `${server.origin}/`);
    await waitForIssue(collector, project, 'Error: worth reporting');
    await sendMarker();
    expect((await issueTitles()).sort()).toEqual(['Error: worth reporting', 'marker']);
  });

  it('sampleRate 0 sends nothing', async () => {
    server.serve(
      '/',
      sdkPage(
        { dsn: project.dsn, sampleRate: 0 },
        `setTimeout(() => { throw new Error('sampled out'); });
         Faultline.captureMessage('also sampled out');`,
      ),
    );
    const { page } = await openPage(context, `${server.origin}/`);
    await page.waitForTimeout(200); // let the error be thrown and handled
    await sendMarker();
    expect(await issueTitles()).toEqual(['marker']);
  });

  it('an error thrown inside beforeSend is neither reported nor thrown into the page', async () => {
    server.serve(
      '/',
      sdkPage(
        { dsn: project.dsn },
        `Faultline.captureException(new Error('first'));
         window.afterCapture = true;`,
        `beforeSend: () => { null.boom; }`,
      ),
    );
    const { page, pageErrors } = await openPage(context, `${server.origin}/`);
    expect(await page.evaluate(() => (window as { afterCapture?: boolean }).afterCapture)).toBe(
      true,
    );
    await sendMarker();
    expect(await issueTitles()).toEqual(['marker']);
    expect(pageErrors).toEqual([]);
  });
});
