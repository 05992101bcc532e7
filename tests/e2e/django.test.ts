import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, type Project, sharedCollector } from './harness/collector';
import { type PythonApp, startPythonApp } from './harness/pythonApp';
import { type Issue, type StoredEvent, waitForIssue } from './harness/readApi';

const VISITOR_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('examples/django with the official sentry-sdk', () => {
  let collector: Collector;
  let project: Project;
  let app: PythonApp;
  const visit = (path: string) =>
    fetch(`${app.url}${path}`, {
      headers: { 'User-Agent': VISITOR_UA, 'X-Customer-Id': 'c-42', 'X-Tenant': 'acme' },
    });

  beforeAll(async () => {
    collector = sharedCollector();
    project = await collector.createProject('django-shop');
    app = await startPythonApp({
      example: 'django',
      args: ['manage.py', 'runserver', '127.0.0.1:{port}', '--noreload'],
      env: { SENTRY_DSN: project.dsn, SHOP_RELEASE: 'shop@1.4.2', SHOP_ENVIRONMENT: 'e2e' },
      healthPath: '/health/',
    });
  });

  /** What every event of a request carries: release, environment, user, tags, URL, no PII. */
  function expectShopContext(event: StoredEvent, path: string) {
    expect(event).toMatchObject({
      platform: 'python',
      release: 'shop@1.4.2',
      environment: 'e2e',
      request: { url: `${app.url}${path}` },
    });
    // send_default_pii=False: the middleware's user id, and no address or cookies.
    expect(event.user).toEqual({ id: 'c-42' });
    expect(event.request?.headers?.Cookie).toBeUndefined();
    expect(event.tags).toMatchObject({
      tenant: 'acme', // set by the middleware
      team: 'checkout', // set by before_send
      browser: 'Chrome 120.0.0',
      os: 'Windows 10',
    });
    expect(event.contexts?.cart).toEqual({ items: 3, currency: 'EUR' });
  }

  afterAll(async () => {
    await app?.stop();
  });

  it('reports an unhandled view error with frames, tags, user, release and URL', async () => {
    expect((await visit('/checkout/')).status).toBe(500);
    const { issue, event } = await waitForIssue(
      collector,
      project,
      'ZeroDivisionError: division by zero',
    );
    expect(issue).toMatchObject({ culprit: 'average_price(shop.views)', level: 'error' });
    expectShopContext(event, '/checkout/');
    const exception = event.exception?.values.at(-1);
    expect(exception).toMatchObject({ type: 'ZeroDivisionError', value: 'division by zero' });
    const crash = exception?.stacktrace?.frames.at(-1);
    expect(crash).toMatchObject({
      function: 'average_price',
      module: 'shop.views',
      filename: 'shop/views.py',
      in_app: true,
    });
    expect(crash?.vars).toEqual({ prices: [] });
    expect(exception?.stacktrace?.frames.at(-2)).toMatchObject({
      function: 'checkout',
      module: 'shop.views',
      in_app: true,
    });
    expect(exception?.mechanism).toMatchObject({ type: 'django', handled: false });
  });

  it('reports logging.error titled with its formatted message, keeping template and arguments', async () => {
    await visit('/payment/');
    const { issue, event } = await waitForIssue(collector, project, 'payment failed for order 123');
    expect(issue).toMatchObject({ level: 'error', culprit: '/payment/' });
    expectShopContext(event, '/payment/');
    expect(event.logentry).toEqual({
      message: 'payment failed for order %s',
      params: [123],
      formatted: 'payment failed for order 123',
    });
    expect(event).toMatchObject({ logger: 'shop.views', level: 'error' });
    expect(event.exception).toBeUndefined();
  });

  it('reports logging.exception with the exception, its frames and the log message', async () => {
    await visit('/quantity/');
    const { issue, event } = await waitForIssue(
      collector,
      project,
      "ValueError: invalid literal for int() with base 10: 'abc'",
    );
    expect(issue).toMatchObject({ level: 'error', culprit: 'quantity(shop.views)' });
    expectShopContext(event, '/quantity/');
    expect(event.logentry?.message).toBe('could not parse quantity');
    const exception = event.exception?.values.at(-1);
    expect(exception).toMatchObject({
      type: 'ValueError',
      value: "invalid literal for int() with base 10: 'abc'",
    });
    expect(exception?.stacktrace?.frames.at(-1)).toMatchObject({
      function: 'quantity',
      module: 'shop.views',
      filename: 'shop/views.py',
      in_app: true,
    });
  });

  it('reports capture_message at its level', async () => {
    await visit('/inventory/');
    const { issue, event } = await waitForIssue(collector, project, 'inventory low for sku A-1');
    expect(issue.level).toBe('warning');
    expectShopContext(event, '/inventory/');
    expect(event).toMatchObject({ level: 'warning', message: 'inventory low for sku A-1' });
    expect(event.exception).toBeUndefined();
  });

  it('sends nothing for PermissionDenied, which Django answers with a 403', async () => {
    expect((await visit('/admin-only/')).status).toBe(403);
    await visit('/inventory/'); // sent after the 403: once it is counted, the 403 was not sent
    await waitForIssue(collector, project, 'inventory low for sku A-1');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const issues = await collector.api<Issue[]>(`/api/0/projects/${project.id}/issues/`);
    expect(issues.map((issue) => issue.title).filter((title) => /Permission/.test(title))).toEqual(
      [],
    );
  });
});
