// `npm run screenshots`: the README's dashboard pictures, taken from a real run — a
// private collector (wrangler dev, local D1), events from the example page in
// Chromium and from a backend-like sender, traces from @sentry/browser 11 page
// loads calling the FastAPI example, then each page at desktop and phone size.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { applyMigrations, repoRoot, startWranglerDev } from './lib/localCollector.mjs';
import { startTracedShop, visit } from './lib/tracedShop.mjs';

const outDir = join(repoRoot, 'packages/edge-collector/dashboard/screenshots');
const persistTo = mkdtempSync(join(tmpdir(), 'faultline-shots-'));
const token = randomBytes(16).toString('hex');
applyMigrations({ persistTo });
const dev = await startWranglerDev({
  persistTo,
  vars: { FAULTLINE_ADMIN_TOKEN: token, FAULTLINE_MODE: 'local' },
});
const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const api = async (path, method = 'GET', body) => {
  const response = await fetch(`${dev.url}${path}`, {
    method,
    headers,
    body: body && JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return response.status === 204 ? null : response.json();
};

/** An error as a Python backend would send it: request, user, breadcrumbs, frames with context. */
function backendEvent(index) {
  return {
    event_id: randomBytes(16).toString('hex'),
    platform: 'python',
    level: 'error',
    release: 'shop@1.4.2',
    environment: 'production',
    server_name: 'web-1',
    user: { id: String(40 + (index % 3)), email: `customer${index % 3}@example.com` },
    tags: { endpoint: '/api/orders/<id>' },
    request: {
      method: 'POST',
      url: 'https://shop.example.com/api/orders/17/pay',
      query_string: 'retry=1',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'shop-ios/3.1' },
      data: { card: '[Filtered]', amount: 4200 },
    },
    breadcrumbs: {
      values: [
        {
          timestamp: Date.now() / 1000 - 3,
          category: 'http',
          message: 'GET /api/cart',
          data: { status_code: 200 },
        },
        {
          timestamp: Date.now() / 1000 - 1,
          category: 'query',
          message: 'SELECT * FROM orders WHERE id = %s',
        },
      ],
    },
    exception: {
      values: [
        {
          type: 'PaymentDeclined',
          value: 'card declined: insufficient funds',
          module: 'shop.payments',
          stacktrace: {
            frames: [
              {
                filename: 'django/core/handlers/base.py',
                function: '_get_response',
                lineno: 197,
                in_app: false,
              },
              {
                filename: 'shop/views.py',
                function: 'pay_order',
                lineno: 88,
                in_app: true,
                pre_context: [
                  '    order = Order.objects.get(pk=order_id)',
                  '    amount = order.total()',
                ],
                context_line: '    charge(order.customer, amount)',
                post_context: ['    order.mark_paid()'],
                vars: { order_id: '17', amount: '42.00' },
              },
              {
                filename: 'shop/payments.py',
                function: 'charge',
                lineno: 31,
                in_app: true,
                pre_context: ['    response = gateway.charge(customer.card, amount)'],
                context_line: '    raise PaymentDeclined(response.reason)',
                post_context: [''],
              },
            ],
          },
        },
      ],
    },
  };
}

async function send(project, event) {
  const body = `${JSON.stringify({ event_id: event.event_id })}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
  await fetch(
    `${dev.url}/api/${project.id}/envelope/?sentry_key=${project.publicKey}&sentry_version=7`,
    {
      method: 'POST',
      body,
    },
  );
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const project = await api('/api/0/projects/', 'POST', { name: 'shop' });
  await api('/api/0/projects/', 'POST', { name: 'admin-site' });
  await api('/api/0/users/', 'POST', {
    email: 'ada@example.com',
    password: 'screenshots-only',
    role: 'admin',
  });
  await api(`/api/0/projects/${project.id}/webhooks/`, 'POST', {
    url: 'http://127.0.0.1:9/hook',
    format: 'json',
    name: 'ops receiver',
  });
  for (let index = 0; index < 6; index++) await send(project, backendEvent(index));

  const example = await browser.newPage();
  await example.goto(`${dev.url}/example/?dsn=${encodeURIComponent(project.dsn)}`);
  for (const button of ['#throw-error', '#reject-promise', '#capture-message', '#throw-error']) {
    await example.click(button);
  }
  await example.close();

  // Page loads of three pages, slow to slower, each calling the failing backend.
  const shop = await startTracedShop(project.dsn);
  const tracePage = async (traceId) => {
    const response = await fetch(`${dev.url}/api/0/projects/${project.id}/traces/${traceId}/`, {
      headers,
    });
    return response.ok ? response.json() : undefined;
  };
  const pageload = async (traceId) =>
    (await tracePage(traceId))?.transactions.find((each) => each.op === 'pageload');
  const traceIds = [];
  try {
    for (const path of [
      '/orders/17?delay=200&click=80',
      '/orders/42?delay=600&click=120',
      '/orders/73?delay=1200&click=160',
      '/products/51?delay=2600&click=320',
      '/products/96?delay=3000&click=380',
      '/checkout?delay=4300&click=650',
    ]) {
      const traceId = await visit(
        browser,
        `${shop.origin}${path}&dsn=${encodeURIComponent(project.dsn)}`,
        {
          hasPageload: async (id) => (await pageload(id)) !== undefined,
          hasVitals: async (id) => {
            const measurements = (await pageload(id))?.measurements ?? {};
            return measurements.lcp && measurements.inp;
          },
        },
      );
      traceIds.push(traceId);
    }
    // The backend's transaction and error of the first page load are in too.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const trace = await tracePage(traceIds[0]);
      if (trace?.errors.length && trace.transactions.length > 1) break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    await shop.stop();
  }

  mkdirSync(outDir, { recursive: true });
  const shoot = async (page, name) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(outDir, `${name}.png`) });
    console.log(`wrote ${name}.png`);
  };
  for (const [label, viewport, colorScheme] of [
    ['desktop', { width: 1280, height: 800 }, 'light'],
    ['phone', { width: 390, height: 844 }, 'dark'],
  ]) {
    const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${dev.url}/projects/${project.id}/issues`);
    await page.getByLabel('E-mail').waitFor();
    if (label === 'desktop') await shoot(page, 'login');
    await page.getByLabel('E-mail').fill('ada@example.com');
    await page.getByLabel('Password').fill('screenshots-only');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .locator('a.issue-title', { hasText: 'PaymentDeclined' })
      .waitFor({ timeout: 60_000 });
    await page.locator('a.issue-title', { hasText: 'TypeError' }).waitFor({ timeout: 60_000 });
    await shoot(page, `${label}-issues`);
    await page.locator('a.issue-title', { hasText: 'PaymentDeclined' }).click();
    await page.locator('.frames').waitFor();
    await shoot(page, `${label}-issue`);
    if (label === 'desktop') {
      await page.locator('.exception').scrollIntoViewIfNeeded();
      await shoot(page, 'desktop-stack');
      await page.goto(`${dev.url}/`);
      await page.getByRole('button', { name: 'Setup' }).first().click();
      await page.locator('.setup pre').waitFor();
      await shoot(page, 'desktop-projects');
      await page.goto(`${dev.url}/projects/${project.id}/alerts`);
      await page.locator('.rules li').first().waitFor();
      await shoot(page, 'desktop-alerts');
      await page.goto(`${dev.url}/projects/${project.id}/stats`);
      await page.locator('.chart canvas').waitFor();
      await shoot(page, 'desktop-stats');
      await page.goto(`${dev.url}/projects/${project.id}/performance?sort=lcp`);
      await page.locator('table.performance tbody tr').nth(3).waitFor();
      await shoot(page, 'desktop-performance');
      await page.getByRole('link', { name: '/orders/*' }).click();
      await page.locator('.samples a').first().waitFor();
      await page.locator('.chart canvas').nth(3).waitFor();
      await shoot(page, 'desktop-transaction');
    }
    await page.goto(`${dev.url}/projects/${project.id}/traces/${traceIds[0]}`);
    await page.locator('.wf-error').waitFor();
    await shoot(page, `${label}-trace`);
    await context.close();
  }
} finally {
  await browser.close();
  await dev.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
