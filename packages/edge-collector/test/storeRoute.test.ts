import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import pythonEvent from './fixtures/sentry-python-store-event.json';
import { admin, call, createProject, firstIssueAndEvent } from './helpers';

interface StoredEvent {
  event_id: string;
  release?: string;
  environment?: string;
  logentry?: { message: string; params: unknown[] };
  tags: Record<string, string>;
  user?: Record<string, unknown>;
  request?: { url: string };
  exception: {
    values: {
      type: string;
      value: string;
      stacktrace: { frames: { function: string; lineno: number; vars?: object }[] };
    }[];
  };
}

const RAVEN_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Safari/605.1.15';

/** An error as raven-js 3.27 posts it: legacy fields, frames oldest first, no stack parser needed. */
function ravenJsEvent(eventId: string) {
  return {
    project: '1',
    logger: 'javascript',
    platform: 'javascript',
    request: {
      headers: { 'User-Agent': RAVEN_UA, Referer: 'https://shop.test/' },
      url: 'https://shop.test/cart',
    },
    exception: {
      values: [
        {
          type: 'TypeError',
          value: "undefined is not an object (evaluating 'cart.items')",
          stacktrace: {
            frames: [
              {
                filename: 'https://shop.test/static/app.js',
                lineno: 30,
                colno: 5,
                function: 'HTMLButtonElement.onclick',
                in_app: true,
              },
              {
                filename: 'https://shop.test/static/app.js',
                lineno: 12,
                colno: 18,
                function: 'checkout',
                in_app: true,
              },
            ],
          },
        },
      ],
    },
    transaction: 'https://shop.test/static/app.js',
    culprit: 'https://shop.test/static/app.js',
    release: 'shop@2.3.0',
    environment: 'production',
    tags: { plan: 'pro' },
    user: { id: '42', email: 'ada@example.com' },
    extra: { 'session:duration': 5123 },
    breadcrumbs: { values: [{ timestamp: 1700000000.1, category: 'ui.click', message: 'button' }] },
    event_id: eventId,
    sdk: { name: 'raven-js', version: '3.27.2' },
  };
}

describe('POST /api/:projectId/store/', () => {
  it('stores a raven-js error sent with query-string auth as text/plain', async () => {
    const project = await createProject();
    const eventId = '1'.repeat(32);
    const response = await call(
      `/api/${project.id}/store/?sentry_version=7&sentry_client=raven-js%2F3.27.2&sentry_key=${project.publicKey}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'https://shop.test' },
        body: JSON.stringify(ravenJsEvent(eventId)),
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: eventId });

    const { issue, event } = await firstIssueAndEvent<StoredEvent>(project);
    expect(issue).toMatchObject({
      title: "TypeError: undefined is not an object (evaluating 'cart.items')",
      culprit: 'checkout(app.js)',
    });
    expect(event).toMatchObject({
      event_id: eventId,
      release: 'shop@2.3.0',
      environment: 'production',
      user: { id: '42', email: '[email]' }, // scrubbed before storage; the id survives
      request: { url: 'https://shop.test/cart' },
    });
    expect(event.tags).toMatchObject({
      plan: 'pro',
      browser: 'Safari 16.6',
      os: 'Mac OS X 10.15.7',
    });
    expect(event.exception.values[0]?.stacktrace.frames.map((frame) => frame.function)).toEqual([
      'HTMLButtonElement.onclick',
      'checkout',
    ]);
  });

  it('stores the gzipped event sentry-python 1.9.10 sends, with its frames and vars', async () => {
    const project = await createProject();
    const response = await call(`/api/${project.id}/store/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'X-Sentry-Auth': `Sentry sentry_key=${project.publicKey}, sentry_version=7, sentry_client=sentry.python/1.9.10`,
      },
      body: gzipSync(JSON.stringify(pythonEvent)),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: pythonEvent.event_id });

    const { issue, event } = await firstIssueAndEvent<StoredEvent>(project);
    expect(issue.title).toBe('ZeroDivisionError: division by zero');
    expect(issue.culprit).toBe('f(__main__)');
    expect(event.release).toBe('r1');
    const frames = event.exception.values[0]?.stacktrace.frames ?? [];
    expect(frames.map((frame) => frame.function)).toEqual(['<module>', 'f']);
    // sentry-python 1.9.10 sends non-finite floats as their repr.
    expect(frames[1]?.vars).toMatchObject({ x: 'nan', y: 'inf' });
  });

  it('accepts base64 of zlib-deflated JSON from raven-python (sentry_version 6)', async () => {
    const project = await createProject();
    const event = {
      event_id: '2'.repeat(32),
      message: 'disk almost full: %s',
      platform: 'python',
      extra: { ratio: Number.NaN },
    };
    // Python's json.dumps writes NaN bare; raven-python did not forbid it.
    const json = JSON.stringify(event).replace('null', 'NaN');
    const body = btoa(String.fromCharCode(...deflateSync(json)));
    const response = await call(`/api/${project.id}/store/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        'X-Sentry-Auth': `Sentry sentry_version=6, sentry_client=raven-python/6.10.0, sentry_key=${project.publicKey}, sentry_secret=old`,
      },
      body,
    });
    expect(response.status).toBe(200);
    const { event: stored } = await firstIssueAndEvent<{ extra: object }>(project);
    expect(stored.extra).toEqual({ ratio: 'NaN' });
  });

  it('upgrades legacy interface names and a bare exception list', async () => {
    const project = await createProject();
    const legacy = {
      event_id: '3'.repeat(32),
      'sentry.interfaces.Exception': [{ type: 'KeyError', value: "'sku'" }],
      'sentry.interfaces.Stacktrace': {
        frames: [{ function: 'add_to_cart', module: 'shop.cart', lineno: 9 }],
      },
      'sentry.interfaces.User': { id: '9' },
    };
    const response = await call(`/api/${project.id}/store/?sentry_key=${project.publicKey}`, {
      method: 'POST',
      body: JSON.stringify(legacy),
    });
    expect(response.status).toBe(200);
    const { issue, event } = await firstIssueAndEvent<StoredEvent>(project);
    expect(issue).toMatchObject({ title: "KeyError: 'sku'", culprit: 'add_to_cart(shop.cart)' });
    expect(event.user).toEqual({ id: '9' });
  });

  it('answers a store request for a project without issues with the API still empty', async () => {
    const project = await createProject();
    const issues = await admin<unknown[]>(`/api/0/projects/${project.id}/issues/`);
    expect(issues).toEqual([]);
  });
});
