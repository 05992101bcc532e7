import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, type Project, sharedCollector } from './harness/collector';
import { type PythonApp, startPythonApp } from './harness/pythonApp';
import { type Issue, waitForIssue } from './harness/readApi';

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
    expect(event).toMatchObject({
      platform: 'python',
      release: 'shop@1.4.2',
      environment: 'e2e',
      user: { id: 'c-42' },
      request: { url: `${app.url}/checkout/` },
    });
    expect(event.tags).toMatchObject({
      tenant: 'acme',
      team: 'checkout', // set by before_send
      browser: 'Chrome 120.0.0',
      os: 'Windows 10',
    });
    expect(event.contexts?.cart).toEqual({ items: 3, currency: 'EUR' });
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
  });

  it('reports logging.error, logging.exception and capture_message', async () => {
    await visit('/payment/');
    await visit('/quantity/');
    await visit('/inventory/');
    const logged = await waitForIssue(collector, project, 'payment failed for order %s');
    expect(logged.event.logentry).toEqual({
      message: 'payment failed for order %s',
      params: [123],
    });
    expect(logged.event.tags).toMatchObject({ tenant: 'acme' });

    const handled = await waitForIssue(
      collector,
      project,
      "ValueError: invalid literal for int() with base 10: 'abc'",
    );
    expect(handled.issue.culprit).toBe('quantity(shop.views)');
    expect(handled.event.logentry?.message).toBe('could not parse quantity');

    const message = await waitForIssue(collector, project, 'inventory low for sku A-1');
    expect(message.issue.level).toBe('warning');
    expect(message.event.request?.url).toBe(`${app.url}/inventory/`);
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
