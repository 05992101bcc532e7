import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { type Collector, type Project, sharedCollector, waitFor } from './harness/collector';
import {
  createUser,
  type IssueJson,
  sendRawEvent,
  signedInPage,
  waitForIssueState,
} from './harness/dashboard';

const message = (text: string) => ({ platform: 'javascript', level: 'error', message: text });

describe('the dashboard in Chromium', () => {
  let collector: Collector;
  let project: Project;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    collector = sharedCollector();
    project = await collector.createProject('dashboard');
    browser = await launchChromium();
    const user = await createUser(collector, 'admin');
    ({ context, page } = await signedInPage(
      browser,
      collector,
      user,
      `/projects/${project.id}/issues`,
    ));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('signs in and lands on the page it was sent from', async () => {
    expect(new URL(page.url()).pathname).toBe(`/projects/${project.id}/issues`);
    await expect(page.getByRole('heading', { name: 'Issues' }).isVisible()).resolves.toBe(true);
  });

  it('shows the example page’s error in the open stream without a reload', async () => {
    await page.getByText('No issues here.').waitFor({ timeout: 30_000 });
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    const example = await context.newPage();
    await example.goto(`${collector.url}/example/?dsn=${encodeURIComponent(project.dsn)}`);
    await example.click('#throw-error');
    await example.close();

    const row = page.locator('tr[data-issue-id]', { hasText: 'TypeError' });
    await row.waitFor({ timeout: 30_000 });
    expect(
      await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
    ).toBe(true);
    expect(await row.textContent()).toContain('checkout(example.js)');
  });

  it('opens the issue with its stack and its events chart', async () => {
    await page.locator('a.issue-title', { hasText: 'TypeError' }).click();
    await page.waitForURL(/\/issues\/\d+$/);
    const stack = page.locator('.frames');
    await stack.waitFor({ timeout: 30_000 });
    expect(await stack.locator('.frame').first().textContent()).toContain('checkout');
    expect(await stack.textContent()).toContain('example.js');
    await page.locator('.chart canvas').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Raw stack' }).click();
    expect(await page.locator('pre.raw').textContent()).toMatch(/TypeError: .*\n\s+at checkout/);
  });

  it('resolves the issue from its page, and the API agrees', async () => {
    const issueId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Resolved' }).waitFor({ timeout: 30_000 });
    const issue = await waitForIssueState(
      collector,
      issueId,
      (current) => current.status === 'resolved',
      'the issue to be resolved',
    );
    expect(issue.status).toBe('resolved');
  });

  it('ignores an issue until 3 more events', async () => {
    await sendRawEvent(collector, project, message('ignore me until three more'));
    const issue = await waitFor(async () => {
      const issues = await collector.api<IssueJson[]>(`/api/0/projects/${project.id}/issues/`);
      return issues.find((entry) => entry.title === 'ignore me until three more');
    });
    await page.goto(`${collector.url}/issues/${issue.id}`);
    await page.getByRole('button', { name: 'Ignore…' }).click();
    await page.getByLabel('Until').fill('3');
    await page.getByLabel('more of').selectOption('events');
    await page
      .getByRole('group', { name: 'Ignore' })
      .getByRole('button', { name: 'Ignore' })
      .click();
    await page.getByRole('status').filter({ hasText: 'Ignored until 3 more events' }).waitFor({
      timeout: 30_000,
    });
    const ignored = await waitForIssueState(
      collector,
      issue.id,
      (current) => current.status === 'ignored',
      'the issue to be ignored',
    );
    expect(ignored.statusDetails).toEqual({ ignoreCount: 3 });
  });

  it('resolves several selected issues at once', async () => {
    const titles = ['bulk one', 'bulk two', 'bulk three'];
    for (const title of titles) await sendRawEvent(collector, project, message(title));
    await page.goto(`${collector.url}/projects/${project.id}/issues`);
    for (const title of titles) {
      await page.locator('tr[data-issue-id]', { hasText: title }).waitFor({ timeout: 30_000 });
    }
    for (const title of titles.slice(0, 2)) {
      await page.getByRole('checkbox', { name: `Select ${title}` }).check();
    }
    expect(await page.getByText('2 selected').isVisible()).toBe(true);
    await page
      .getByRole('toolbar', { name: 'Selected issues' })
      .getByRole('button', { name: 'Resolve', exact: true })
      .click();
    await page.locator('tr[data-issue-id]', { hasText: 'bulk one' }).waitFor({
      state: 'detached',
      timeout: 30_000,
    });
    const issues = await collector.api<IssueJson[]>(
      `/api/0/projects/${project.id}/issues/?status=resolved`,
    );
    const resolved = issues.map((issue) => issue.title);
    expect(resolved).toEqual(expect.arrayContaining(['bulk one', 'bulk two']));
    expect(resolved).not.toContain('bulk three');
  });

  it('keeps the scroll position and the selection while the stream refreshes', async () => {
    await page.setViewportSize({ width: 1280, height: 300 });
    for (let index = 0; index < 12; index++) {
      await sendRawEvent(collector, project, message(`scroll filler ${index}`));
    }
    await page.locator('tr[data-issue-id]', { hasText: 'scroll filler 11' }).waitFor({
      timeout: 30_000,
    });
    await page.getByRole('checkbox', { name: 'Select bulk three' }).check();
    await page.evaluate(() => window.scrollTo(0, 400));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(0);
    await sendRawEvent(collector, project, message('arrives while scrolled'));
    await page.locator('tr[data-issue-id]', { hasText: 'arrives while scrolled' }).waitFor({
      timeout: 30_000,
    });
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    expect(await page.getByRole('checkbox', { name: 'Select bulk three' }).isChecked()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('adds an e-mail destination on the Alerts page, sends a test and shows it in the log', async () => {
    await page.goto(`${collector.url}/projects/${project.id}/alerts`);
    const form = page.getByRole('form', { name: 'Add an e-mail destination' });
    await form.getByLabel('E-mail address').fill('oncall@example.com');
    await form.getByLabel('Name').fill('on call by mail');
    await form.getByRole('button', { name: 'Add e-mail' }).click();
    const destination = page.locator('article.webhook', { hasText: 'on call by mail' });
    await destination.getByText('oncall@example.com').waitFor({ timeout: 30_000 });
    await destination.getByRole('button', { name: 'Send a test' }).click();
    await destination.getByText('Delivery log').click();
    const row = destination.locator('table.deliveries tbody tr');
    await row.filter({ hasText: 'delivered' }).waitFor({ timeout: 30_000 });
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('test');
    const [hook] = await collector.api<{ url: string; format: string }[]>(
      `/api/0/projects/${project.id}/webhooks/`,
    );
    expect(hook).toMatchObject({ url: 'mailto:oncall@example.com', format: 'email' });
  });
});
