import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { type Collector, type Project, sharedCollector, waitFor } from './harness/collector';
import {
  createUser,
  type DashboardUser,
  type IssueJson,
  seriousViolations,
  signedInPage,
} from './harness/dashboard';

/** Something on each page to wait for before checking it. */
function pages(project: Project, issueId: string): [string, string][] {
  return [
    ['/', '.projects li'],
    ['/users', '.users li'],
    [`/projects/${project.id}/issues`, 'table.issues'],
    [`/issues/${issueId}`, '.frames'],
    [`/projects/${project.id}/alerts`, '.rules li'],
    [`/projects/${project.id}/settings`, 'form.settings'],
    [`/projects/${project.id}/stats`, '.chart canvas'],
    [`/projects/${project.id}/performance`, 'h1'],
  ];
}

describe('the dashboard’s accessibility and small screens', () => {
  let collector: Collector;
  let project: Project;
  let browser: Browser;
  let user: DashboardUser;
  let issueId: string;

  beforeAll(async () => {
    collector = sharedCollector();
    project = await collector.createProject('a11y');
    browser = await launchChromium();
    user = await createUser(collector);
    const page = await browser.newPage();
    await page.goto(`${collector.url}/example/?dsn=${encodeURIComponent(project.dsn)}`);
    await page.click('#throw-error');
    await page.close();
    issueId = await waitFor(async () => {
      const issues = await collector.api<IssueJson[]>(`/api/0/projects/${project.id}/issues/`);
      return issues[0]?.id;
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violations on any page (${colorScheme})`, async () => {
      const context = await browser.newContext({ colorScheme });
      const login = await context.newPage();
      await login.goto(`${collector.url}/login`);
      await login.getByLabel('E-mail').waitFor({ timeout: 30_000 });
      expect(await seriousViolations(login)).toEqual([]);
      await context.close();

      const { context: signedIn, page } = await signedInPage(browser, collector, user);
      await page.emulateMedia({ colorScheme });
      for (const [path, ready] of pages(project, issueId)) {
        await page.goto(`${collector.url}${path}`);
        await page.locator(ready).first().waitFor({ timeout: 30_000 });
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await signedIn.close();
    }, 300_000);
  }

  it('fits a 390 px wide phone without sideways scrolling', async () => {
    const { context, page } = await signedInPage(browser, collector, user, '/', {
      width: 390,
      height: 844,
    });
    for (const [path, ready] of pages(project, issueId)) {
      await page.goto(`${collector.url}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
    }
    await context.close();
  }, 300_000);
});
