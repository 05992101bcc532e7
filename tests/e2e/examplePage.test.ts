import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { type Collector, type Project, sharedCollector } from './harness/collector';
import { waitForIssue } from './harness/readApi';

describe('the example page in Chromium', () => {
  let collector: Collector;
  let project: Project;
  let browser: Browser;

  beforeAll(async () => {
    collector = sharedCollector();
    project = await collector.createProject('example-page');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends an uncaught error that becomes an issue with its parsed stack', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const exampleUrl = `${collector.url}/example/?dsn=${encodeURIComponent(project.dsn)}`;
    await page.goto(exampleUrl);
    await page.click('#throw-error');

    const { issue, event } = await waitForIssue(collector, project, /^TypeError: .*items/);
    await page.close();

    // The page itself still saw its error: the SDK reports, it does not swallow.
    expect(pageErrors).toHaveLength(1);
    const issues = await collector.api<unknown[]>(`/api/0/projects/${project.id}/issues/`);
    expect(issues).toHaveLength(1);
    expect(issue).toMatchObject({
      culprit: 'checkout(example.js)',
      level: 'error',
      status: 'unresolved',
      count: 1,
    });
    expect(Date.parse(issue.firstSeen)).toBeGreaterThan(Date.now() - 60_000);
    expect(issue.lastSeen).toBe(issue.firstSeen);

    expect(event.event_id).toMatch(/^[0-9a-f]{32}$/);
    expect(event.release).toBe('example@1.0.0');
    expect(event.environment).toBe('example');
    expect(event.request?.url).toBe(exampleUrl);
    const exception = event.exception?.values.at(-1);
    expect(exception?.type).toBe('TypeError');
    expect(exception?.mechanism?.handled).toBe(false);
    const crashFrame = exception?.stacktrace?.frames.at(-1);
    expect(crashFrame).toMatchObject({
      filename: `${collector.url}/example/example.js`,
      function: 'checkout',
      lineno: expect.any(Number),
      colno: expect.any(Number),
    });
  });

  it('turns the rejection and captureMessage buttons into issues of their own', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.url}/example/?dsn=${encodeURIComponent(project.dsn)}`);
    await page.click('#reject-promise');
    await page.click('#capture-message');

    const rejection = await waitForIssue(collector, project, 'Error: Payment service unavailable');
    expect(rejection.event.exception?.values.at(-1)?.mechanism).toMatchObject({ handled: false });
    // The breadcrumbs add-on recorded the clicks that led there.
    const crumbs = (rejection.event as { breadcrumbs?: { values: { category?: string }[] } })
      .breadcrumbs?.values;
    expect(crumbs?.some((crumb) => crumb.category === 'ui.click')).toBe(true);

    const message = await waitForIssue(collector, project, 'User opened the example page');
    expect(message.issue.level).toBe('info');
    expect(message.event.exception).toBeUndefined();
    await page.close();
  });
});
