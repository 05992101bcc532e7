import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { type Collector, type Project, sharedCollector, waitFor } from './harness/collector';
import { createUser, type IssueJson, sendRawEvent, signedInPage } from './harness/dashboard';

// Each payload would set window.pwned (or open a dialog) if it ever ran.
const IMG = '<img src=x onerror="window.pwned=1">';
const SCRIPT = '<script>window.pwned=2</script>';
const SVG = '<svg onload="window.pwned=3"></svg>';
const JS_URL = 'javascript:window.pwned=4';
const MARKER = 'hostile-7c1f';

const hostileEvent = {
  platform: 'javascript',
  level: 'error',
  release: `${MARKER}${SCRIPT}`,
  environment: IMG,
  tags: { [`tag${IMG}`]: SVG, link: JS_URL },
  user: { id: SCRIPT, email: IMG, username: JS_URL },
  request: {
    url: JS_URL,
    method: 'GET',
    headers: { Referer: JS_URL, 'X-Evil': SVG },
    data: `${SCRIPT}${IMG}`,
  },
  breadcrumbs: {
    values: [
      { category: IMG, message: SCRIPT, data: { url: JS_URL, to: SVG } },
      { category: 'navigation', message: SVG, data: { from: IMG } },
    ],
  },
  contexts: { [`ctx${IMG}`]: { value: SCRIPT } },
  exception: {
    values: [
      {
        type: `${MARKER}${IMG}`,
        value: `${SCRIPT}${SVG}`,
        stacktrace: {
          frames: [
            { function: IMG, filename: JS_URL, abs_path: JS_URL, lineno: 1, in_app: true },
            {
              function: SCRIPT,
              filename: `https://x.test/${SVG}.js`,
              lineno: 2,
              in_app: true,
              pre_context: [SCRIPT],
              context_line: IMG,
              post_context: [SVG],
              vars: { html: IMG },
            },
          ],
        },
      },
    ],
  },
};

describe('a hostile event in the dashboard', () => {
  let collector: Collector;
  let project: Project;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    collector = sharedCollector();
    project = await collector.createProject('hostile');
    browser = await launchChromium();
    ({ context, page } = await signedInPage(browser, collector, await createUser(collector)));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /** Nothing from the event became markup, a handler or a script link. */
  async function expectInert() {
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
    const found = await page.evaluate(() => ({
      handlers: document.querySelectorAll('[onerror], [onload]').length,
      images: document.querySelectorAll('img').length,
      scripts: Array.from(
        document.scripts,
        (script) => new URL(script.src, location.href).pathname,
      ),
      scriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    }));
    expect(found).toEqual({ handlers: 0, images: 0, scripts: ['/assets/app.js'], scriptLinks: 0 });
  }

  it('shows every field as text in the stream and on the issue page, and runs nothing', async () => {
    await sendRawEvent(collector, project, hostileEvent);
    const issue = await waitFor(async () => {
      const issues = await collector.api<IssueJson[]>(`/api/0/projects/${project.id}/issues/`);
      return issues.find((entry) => entry.title.includes(MARKER));
    });
    await page.goto(`${collector.url}/projects/${project.id}/issues`);
    await page.locator('a.issue-title', { hasText: MARKER }).waitFor({ timeout: 30_000 });
    expect(await page.locator('a.issue-title', { hasText: MARKER }).textContent()).toContain(IMG);
    await expectInert();

    await page.goto(`${collector.url}/issues/${issue.id}`);
    await page.locator('.frames').waitFor({ timeout: 30_000 });
    await page
      .getByRole('button', { name: /other frame/ })
      .click()
      .catch(() => undefined);
    for (const text of [IMG, SCRIPT, SVG, JS_URL]) {
      expect(await page.getByText(text, { exact: false }).count()).toBeGreaterThan(0);
    }
    await expectInert();
    await page.getByRole('button', { name: 'Raw stack' }).click();
    expect(await page.locator('pre.raw').textContent()).toContain(IMG);
    await expectInert();
  });

  it('serves the app with a strict CSP and nosniff', async () => {
    for (const path of ['/', '/login', `/projects/${project.id}/issues`, '/assets/app.js']) {
      const response = await fetch(`${collector.url}${path}`);
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("style-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(response.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
    }
    const api = await fetch(`${collector.url}/api/0/projects/`);
    expect(api.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('signed out', () => {
  let collector: Collector;
  let browser: Browser;

  beforeAll(async () => {
    collector = sharedCollector();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('every page sends you to /login', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const paths = [
      '/',
      '/users',
      '/projects/1/issues',
      '/issues/1',
      `/issues/1/events/${'a'.repeat(32)}`,
      '/projects/1/performance',
      '/projects/1/performance/%2Fcheckout',
      `/projects/1/traces/${'b'.repeat(32)}`,
      '/projects/1/alerts',
      '/projects/1/settings',
      '/projects/1/stats',
    ];
    for (const path of paths) {
      await page.goto(`${collector.url}${path}`);
      await page.waitForURL(/\/login/, { timeout: 30_000 });
      const url = new URL(page.url());
      expect(url.pathname, path).toBe('/login');
      if (path !== '/') expect(url.searchParams.get('next'), path).toBe(path);
      await page.getByLabel('E-mail').waitFor();
    }
    await context.close();
  });

  it('the API answers 401', async () => {
    const paths = [
      '/api/0/projects/',
      '/api/0/projects/1/issues/',
      '/api/0/issues/1/',
      '/api/0/users/',
      '/api/0/auth/session/',
      '/api/0/projects/1/stats/hourly/',
    ];
    for (const path of paths) {
      const response = await fetch(`${collector.url}${path}`);
      expect(response.status, path).toBe(401);
    }
  });
});
