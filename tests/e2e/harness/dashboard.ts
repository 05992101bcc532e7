import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type Collector, type Project, waitFor } from './collector';

export interface DashboardUser {
  email: string;
  password: string;
  role: 'admin' | 'member';
}

/** A user with a unique e-mail, created with the admin token as automation would. */
export async function createUser(
  collector: Collector,
  role: DashboardUser['role'] = 'admin',
): Promise<DashboardUser> {
  const user = {
    email: `${role}-${randomBytes(6).toString('hex')}@example.com`,
    password: randomBytes(12).toString('base64url'),
    role,
  };
  await collector.api('/api/0/users/', { method: 'POST', body: JSON.stringify(user) });
  return user;
}

/** Opens `path`, which sends a signed-out browser to /login, and signs in through the form. */
export async function signIn(page: Page, collector: Collector, user: DashboardUser, path = '/') {
  await page.goto(`${collector.url}${path}`);
  await page.waitForURL(/\/login/, { timeout: 30_000 });
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
}

/** A fresh browser context (its own cookies) with a signed-in page. */
export async function signedInPage(
  browser: Browser,
  collector: Collector,
  user: DashboardUser,
  path = '/',
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, collector, user, path);
  return { context, page };
}

/** Sends one event of any shape in an envelope (hostile ones too); returns its id. */
export async function sendRawEvent(
  collector: Collector,
  project: Project,
  event: Record<string, unknown>,
): Promise<string> {
  const eventId = randomBytes(16).toString('hex');
  const body = `${JSON.stringify({ event_id: eventId })}\n{"type":"event"}\n${JSON.stringify({ ...event, event_id: eventId })}\n`;
  const url = `${collector.url}/api/${project.id}/envelope/?sentry_key=${project.publicKey}&sentry_version=7`;
  const response = await fetch(url, { method: 'POST', body });
  if (!response.ok)
    throw new Error(`envelope refused: ${response.status} ${await response.text()}`);
  return eventId;
}

export interface IssueJson {
  id: string;
  title: string;
  status: string;
  statusDetails: Record<string, unknown>;
}

/** Polls the read API until `check` holds for the issue, which it returns. */
export function waitForIssueState(
  collector: Collector,
  issueId: string,
  check: (issue: IssueJson) => boolean,
  what: string,
): Promise<IssueJson> {
  return waitFor(
    async () => {
      const issue = await collector.api<IssueJson>(`/api/0/issues/${issueId}/`);
      return check(issue) ? issue : undefined;
    },
    { what, timeoutMs: 30_000 },
  );
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page and returns its serious and critical violations. The
 * source is evaluated through DevTools, not as an inline script, which the CSP forbids.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
}
