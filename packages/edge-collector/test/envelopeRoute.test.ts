import { describe, expect, it } from 'vitest';
import { admin, call, createProject, envelope, sendEnvelope } from './helpers';

interface Issue {
  id: string;
  title: string;
  culprit: string;
  count: number;
  status: string;
}

const chromeStack = [
  "TypeError: Cannot read properties of undefined (reading 'items')",
  '    at checkout (http://shop.test/static/app.js:12:18)',
  '    at HTMLButtonElement.<anonymous> (http://shop.test/static/app.js:30:5)',
].join('\n');

function errorEvent(eventId: string) {
  return {
    event_id: eventId,
    platform: 'javascript',
    exception: {
      values: [
        {
          type: 'TypeError',
          value: "Cannot read properties of undefined (reading 'items')",
          raw_stack: chromeStack,
          mechanism: { type: 'onerror', handled: false },
        },
      ],
    },
  };
}

describe('POST /api/:projectId/envelope/', () => {
  it('stores an event, groups it into an issue and parses its raw stack', async () => {
    const project = await createProject();
    const eventId = 'a'.repeat(32);
    const response = await sendEnvelope(
      project,
      envelope({ event_id: eventId }, [{ type: 'event' }, errorEvent(eventId)]),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: eventId });

    const issues = await admin<Issue[]>(`/api/0/projects/${project.id}/issues/`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      title: "TypeError: Cannot read properties of undefined (reading 'items')",
      culprit: 'checkout(app.js)',
      count: 1,
      status: 'unresolved',
    });
    const event = await admin<{ exception: { values: Record<string, unknown>[] } }>(
      `/api/0/issues/${issues[0]?.id}/events/latest/`,
    );
    const exception = event.exception.values[0];
    expect(exception?.raw_stack).toBeUndefined();
    expect(exception?.stacktrace).toEqual({
      frames: [
        {
          function: 'HTMLButtonElement.<anonymous>',
          filename: 'http://shop.test/static/app.js',
          abs_path: 'http://shop.test/static/app.js',
          lineno: 30,
          colno: 5,
        },
        {
          function: 'checkout',
          filename: 'http://shop.test/static/app.js',
          abs_path: 'http://shop.test/static/app.js',
          lineno: 12,
          colno: 18,
        },
      ],
    });
  });

  it('counts a second occurrence into the same issue and ignores a resent event id', async () => {
    const project = await createProject();
    for (const eventId of ['b'.repeat(32), 'c'.repeat(32), 'c'.repeat(32)]) {
      const response = await sendEnvelope(
        project,
        envelope({ event_id: eventId }, [{ type: 'event' }, errorEvent(eventId)]),
      );
      expect(response.status).toBe(200);
    }
    const issues = await admin<Issue[]>(`/api/0/projects/${project.id}/issues/`);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.count).toBe(2);
  });

  it('refuses missing, unknown and foreign keys', async () => {
    const project = await createProject();
    const other = await createProject('other');
    const body = envelope({}, [{ type: 'event' }, errorEvent('d'.repeat(32))]);
    const post = (path: string, headers: HeadersInit = {}) =>
      call(path, { method: 'POST', body, headers });

    expect((await post(`/api/${project.id}/envelope/`)).status).toBe(401);
    expect((await post(`/api/${project.id}/envelope/?sentry_key=${'0'.repeat(32)}`)).status).toBe(
      401,
    );
    expect((await post(`/api/${project.id}/envelope/?sentry_key=${other.publicKey}`)).status).toBe(
      403,
    );
    const twoKeys = await post(`/api/${project.id}/envelope/?sentry_key=${project.publicKey}`, {
      'X-Sentry-Auth': `Sentry sentry_key=${other.publicKey}, sentry_version=7`,
    });
    expect(twoKeys.status).toBe(401);
    const viaHeader = await post(`/api/${project.id}/envelope/`, {
      'X-Sentry-Auth': `Sentry sentry_version=7, sentry_key=${project.publicKey}`,
    });
    expect(viaHeader.status).toBe(200);
  });

  it('takes the key from the envelope header dsn', async () => {
    const project = await createProject();
    const response = await call(`/api/${project.id}/envelope/`, {
      method: 'POST',
      body: envelope({ dsn: project.dsn }, [{ type: 'event' }, errorEvent('e'.repeat(32))]),
    });
    expect(response.status).toBe(200);
  });

  it('refuses browsers from origins the project does not allow', async () => {
    const project = await createProject('shop', ['https://shop.example.com']);
    const body = envelope({}, [{ type: 'event' }, errorEvent('f'.repeat(32))]);
    const foreign = await sendEnvelope(project, body, { Origin: 'https://evil.example.com' });
    expect(foreign.status).toBe(403);
    const allowed = await sendEnvelope(project, body, { Origin: 'https://shop.example.com' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBeTruthy();
  });

  it('checks the Referer when a browser sends no usable Origin, as Relay does', async () => {
    const project = await createProject('shop', ['https://shop.example.com']);
    const body = envelope({}, [{ type: 'event' }, errorEvent('1'.repeat(32))]);
    const cases: [Record<string, string>, number][] = [
      [{ Referer: 'https://evil.example.com/cart?item=1' }, 403],
      [{ Referer: 'https://shop.example.com/cart?item=1' }, 200],
      // `Origin: null` (sandboxed frames, file: pages) is no origin: the Referer decides.
      [{ Origin: 'null', Referer: 'https://evil.example.com/' }, 403],
      // A usable Origin wins over the Referer.
      [{ Origin: 'https://shop.example.com', Referer: 'https://evil.example.com/' }, 200],
      [{ Origin: 'https://evil.example.com', Referer: 'https://shop.example.com/' }, 403],
      // Neither: a server SDK, not checked.
      [{}, 200],
    ];
    for (const [headers, status] of cases) {
      const response = await sendEnvelope(project, body, headers);
      expect(response.status, JSON.stringify(headers)).toBe(status);
    }
    const store = await call(`/api/${project.id}/store/?sentry_key=${project.publicKey}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Referer: 'https://evil.example.com/' },
      body: JSON.stringify(errorEvent('2'.repeat(32))),
    });
    expect(store.status).toBe(403);
  });

  it('answers malformed envelopes with a 400 and a reason', async () => {
    const project = await createProject();
    const cases: [string, string][] = [
      ['', 'empty'],
      ['not json\n', 'envelope header'],
      ['{}\n{"type":"event","length":500}\n{}', 'claims 500 bytes'],
      ['{}\n{"type":"event"}\n{broken', 'not valid JSON'],
      ['{}\n{"length":2}\n{}', 'no type'],
      ['{}\n{"type":"event"}\n[1,2]', 'JSON object'],
      ['{}\n{"type":"event"}\n{"event_id":"nope"}', 'event_id'],
    ];
    for (const [body, reason] of cases) {
      const response = await sendEnvelope(project, body);
      expect(response.status, body).toBe(400);
      const detail = ((await response.json()) as { detail: string }).detail;
      expect(detail, body).toContain(reason);
      expect(response.headers.get('X-Sentry-Error')).toBe(detail);
    }
  });

  it('answers a CORS preflight', async () => {
    const project = await createProject();
    const response = await call(`/api/${project.id}/envelope/`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST');
  });
});
