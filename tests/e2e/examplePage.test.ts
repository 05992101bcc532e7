import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { type Collector, type Project, sharedCollector, waitFor } from './harness/collector';

interface Issue {
  id: string;
  title: string;
  culprit: string;
  level: string;
  status: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

interface StoredEvent {
  event_id: string;
  release?: string;
  environment?: string;
  request?: { url?: string };
  exception: {
    values: {
      type: string;
      value: string;
      mechanism?: { handled?: boolean };
      stacktrace: {
        frames: { filename: string; function: string; lineno: number; colno: number }[];
      };
    }[];
  };
}

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

    const issuesPath = `/api/0/projects/${project.id}/issues/`;
    const issues = await waitFor(
      async () => {
        const list = await collector.api<Issue[]>(issuesPath);
        return list.length > 0 ? list : undefined;
      },
      { what: 'the issue to appear' },
    );
    await page.close();

    // The page itself still saw its error: the SDK reports, it does not swallow.
    expect(pageErrors).toHaveLength(1);
    expect(issues).toHaveLength(1);
    const [issue] = issues as [Issue];
    expect(issue).toMatchObject({
      title: expect.stringMatching(/^TypeError: .*items/),
      culprit: 'checkout(example.js)',
      level: 'error',
      status: 'unresolved',
      count: 1,
    });
    expect(Date.parse(issue.firstSeen)).toBeGreaterThan(Date.now() - 60_000);
    expect(issue.lastSeen).toBe(issue.firstSeen);

    const event = await collector.api<StoredEvent>(`/api/0/issues/${issue.id}/events/latest/`);
    expect(event.event_id).toMatch(/^[0-9a-f]{32}$/);
    expect(event.release).toBe('example@1.0.0');
    expect(event.environment).toBe('example');
    expect(event.request?.url).toBe(exampleUrl);
    const exception = event.exception.values.at(-1);
    expect(exception?.type).toBe('TypeError');
    expect(exception?.mechanism?.handled).toBe(false);
    const frames = exception?.stacktrace.frames ?? [];
    const crashFrame = frames.at(-1);
    expect(crashFrame).toMatchObject({
      filename: `${collector.url}/example/example.js`,
      function: 'checkout',
      lineno: expect.any(Number),
      colno: expect.any(Number),
    });
  });
});
