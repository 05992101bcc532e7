import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBody } from '../src/ingest/readBody';
import { admin, type CreatedProject, call, createProject, envelope } from './helpers';

interface Case {
  name: string;
  status: number;
  reason: string;
  path?: (project: CreatedProject) => string;
  headers?: Record<string, string>;
  body: BodyInit;
}

const event = { event_id: 'a'.repeat(32), message: 'x' };
const valid = envelope({}, [{ type: 'event' }, event]);
const envelopePath = (project: CreatedProject) =>
  `/api/${project.id}/envelope/?sentry_key=${project.publicKey}`;
const storePath = (project: CreatedProject) =>
  `/api/${project.id}/store/?sentry_key=${project.publicKey}`;
const securityPath = (project: CreatedProject) =>
  `/api/${project.id}/security/?sentry_key=${project.publicKey}`;

/** 21 MiB of zeros: over the envelope limit once inflated, a few KiB compressed. */
const bomb = new Uint8Array(21 * 1024 * 1024);
/** 1.5 MiB of spaces: over the one-event limit of store/ and security/ once inflated. */
const eventBomb = new Uint8Array(1.5 * 1024 * 1024).fill(0x20);
/** An event whose `extra` nests `depth` arrays deep. */
const nested = (depth: number) =>
  `{"message":"x","extra":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
const compressors = {
  gzip: gzipSync,
  'deflate (zlib)': deflateSync,
  'deflate (raw)': deflateRawSync,
  br: brotliCompressSync,
};
const encodingCases: Case[] = Object.entries(compressors).flatMap(([name, compress]) => {
  const encoding = name.split(' ')[0] as string;
  const headers = { 'Content-Encoding': encoding };
  return [
    {
      name: `${name} data cut short`,
      status: 400,
      reason: `not valid ${encoding}`,
      headers,
      body: compress(valid).subarray(0, 12),
    },
    { name: `${name} bomb`, status: 413, reason: 'inflates', headers, body: compress(bomb) },
    {
      name: `store: ${name} bomb`,
      status: 413,
      reason: 'inflates to more than 1048576',
      path: storePath,
      headers,
      body: compress(eventBomb),
    },
  ];
});
const cases: Case[] = [
  {
    name: 'truncated envelope',
    status: 400,
    reason: 'claims 300 bytes',
    body: '{}\n{"type":"event","length":300}\n{"message":"x"}',
  },
  {
    name: 'length too short',
    status: 400,
    reason: 'longer than its length',
    body: '{}\n{"type":"event","length":3}\n{"message":"x"}\n',
  },
  {
    name: 'negative length',
    status: 400,
    reason: 'invalid length',
    body: '{}\n{"type":"event","length":-1}\n{}\n',
  },
  { name: 'header not JSON', status: 400, reason: 'envelope header', body: 'hello\n' },
  { name: 'header an array', status: 400, reason: 'not a JSON object', body: '[]\n' },
  {
    name: 'item header not JSON',
    status: 400,
    reason: 'item 0 header',
    body: '{}\n{type:event}\n{}\n',
  },
  { name: 'item without type', status: 400, reason: 'no type', body: '{}\n{}\n{}\n' },
  {
    name: 'event not JSON',
    status: 400,
    reason: 'not valid JSON',
    body: '{}\n{"type":"event"}\n{"message":\n',
  },
  {
    name: 'event not an object',
    status: 400,
    reason: 'JSON object',
    body: '{}\n{"type":"event"}\n"text"\n',
  },
  {
    name: 'bad event_id',
    status: 400,
    reason: 'event_id',
    body: '{}\n{"type":"event"}\n{"event_id":"xyz"}\n',
  },
  {
    name: 'transaction without start',
    status: 400,
    reason: 'start_timestamp',
    body: '{}\n{"type":"transaction"}\n{"timestamp":2}\n',
  },
  {
    name: 'transaction ending first',
    status: 400,
    reason: 'ends before',
    body: '{}\n{"type":"transaction"}\n{"start_timestamp":5,"timestamp":2}\n',
  },
  {
    name: 'dsn header not a URL',
    status: 400,
    reason: 'dsn',
    path: (p) => `/api/${p.id}/envelope/`,
    body: '{"dsn":"::"}\n',
  },
  { name: 'empty body', status: 400, reason: 'empty', body: '' },
  {
    name: 'gzip header on plain text',
    status: 400,
    reason: 'not valid gzip',
    headers: { 'Content-Encoding': 'gzip' },
    body: valid,
  },
  {
    name: 'truncated gzip',
    status: 400,
    reason: 'not valid gzip',
    headers: { 'Content-Encoding': 'gzip' },
    body: gzipSync(valid).subarray(0, 25),
  },
  {
    name: 'brotli header on plain text',
    status: 400,
    reason: 'not valid br',
    headers: { 'Content-Encoding': 'br' },
    body: valid,
  },
  ...encodingCases,
  {
    name: 'deflate header on plain text',
    status: 400,
    reason: 'not valid deflate',
    headers: { 'Content-Encoding': 'deflate' },
    body: valid,
  },
  {
    name: 'body over 20 MiB',
    status: 413,
    reason: 'body is over 20971520 bytes',
    body: bomb,
  },
  {
    name: 'JSON nested 200 deep',
    status: 400,
    reason: 'nests deeper than 128',
    body: `{}\n{"type":"event"}\n${nested(200)}\n`,
  },
  {
    name: 'store: JSON nested 5000 deep',
    status: 400,
    reason: 'nests deeper than 128',
    path: storePath,
    body: nested(5000),
  },
  {
    name: 'store: base64 zlib bomb',
    status: 413,
    reason: 'inflates',
    path: storePath,
    body: btoa(String.fromCharCode(...deflateSync(eventBomb))),
  },
  {
    name: 'unknown encoding',
    status: 415,
    reason: 'Content-Encoding',
    headers: { 'Content-Encoding': 'zstd' },
    body: valid,
  },
  {
    name: 'multipart envelope',
    status: 415,
    reason: 'Content-Type',
    headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    body: valid,
  },
  {
    name: 'event item over 1 MiB',
    status: 413,
    reason: 'item 0 is over',
    body: envelope({}, [{ type: 'event' }, { message: 'x'.repeat(1024 * 1024) }]),
  },
  {
    name: 'gzip bomb',
    status: 413,
    reason: 'inflates',
    headers: { 'Content-Encoding': 'gzip' },
    body: gzipSync(new Uint8Array(21 * 1024 * 1024)),
  },
  {
    name: 'no key',
    status: 401,
    reason: 'missing DSN public key',
    path: (p) => `/api/${p.id}/envelope/`,
    body: valid,
  },
  {
    name: 'unknown key',
    status: 401,
    reason: 'unknown',
    path: (p) => `/api/${p.id}/envelope/?sentry_key=${'0'.repeat(32)}`,
    body: valid,
  },
  {
    name: 'two keys',
    status: 401,
    reason: 'more than one',
    headers: { 'X-Sentry-Auth': `Sentry sentry_key=${'1'.repeat(32)}` },
    body: valid,
  },
  {
    name: 'two different sentry_key query parameters',
    status: 401,
    reason: 'more than one',
    path: (p) => `/api/${p.id}/envelope/?sentry_key=${p.publicKey}&sentry_key=${'1'.repeat(32)}`,
    body: valid,
  },
  {
    name: 'a key in the header and another in the query',
    status: 401,
    reason: 'more than one',
    headers: { Authorization: `Sentry sentry_key=${'2'.repeat(32)}, sentry_version=7` },
    body: valid,
  },
  {
    name: 'a key in the query and another as envelope dsn',
    status: 401,
    reason: 'more than one',
    body: envelope({ dsn: `https://${'3'.repeat(32)}@collector.test/1` }, [
      { type: 'event' },
      event,
    ]),
  },
  {
    name: 'auth header without a key',
    status: 401,
    reason: 'missing DSN public key',
    path: (p) => `/api/${p.id}/envelope/`,
    headers: { 'X-Sentry-Auth': 'Sentry sentry_version=7, sentry_client=raven-js/3.27.0' },
    body: valid,
  },
  {
    name: 'key of another project',
    status: 403,
    reason: 'another project',
    path: (p) => `/api/${Number(p.id) + 1000}/envelope/?sentry_key=${p.publicKey}`,
    body: valid,
  },
  {
    name: 'bad project id',
    status: 400,
    reason: 'project id',
    path: (p) => `/api/abc/envelope/?sentry_key=${p.publicKey}`,
    body: valid,
  },
  {
    name: 'store: not JSON',
    status: 400,
    reason: 'neither JSON nor base64',
    path: storePath,
    body: 'hello',
  },
  {
    name: 'store: broken JSON',
    status: 400,
    reason: 'event is not valid JSON',
    path: storePath,
    body: '{"message": ',
  },
  {
    name: 'store: bad base64 zlib',
    status: 400,
    reason: 'base64',
    path: storePath,
    headers: { 'Content-Type': 'application/octet-stream' },
    body: 'eJzLSM3JyQcABiwCFQ==broken',
  },
  {
    name: 'store: over 1 MiB',
    status: 413,
    reason: 'over',
    path: storePath,
    body: JSON.stringify({ message: 'x'.repeat(1024 * 1024) }),
  },
  {
    name: 'store: image',
    status: 415,
    reason: 'Content-Type',
    path: storePath,
    headers: { 'Content-Type': 'image/png' },
    body: '{}',
  },
  {
    name: 'security: not a report',
    status: 400,
    reason: 'csp-report',
    path: securityPath,
    headers: { 'Content-Type': 'application/csp-report' },
    body: '{"hello": 1}',
  },
  {
    name: 'security: a report that is a list',
    status: 400,
    reason: 'csp-report',
    path: securityPath,
    headers: { 'Content-Type': 'application/csp-report' },
    body: '{"csp-report": [1, 2]}',
  },
  {
    name: 'security: text/plain',
    status: 415,
    reason: 'Content-Type',
    path: securityPath,
    headers: { 'Content-Type': 'text/plain' },
    body: '{}',
  },
];

describe('malformed input', () => {
  it.each(cases)('answers $name with $status and a reason', async (entry) => {
    const project = await createProject();
    const response = await call((entry.path ?? envelopePath)(project), {
      method: 'POST',
      headers: entry.headers,
      body: entry.body,
    });
    expect(response.status).toBe(entry.status);
    const detail = ((await response.json()) as { detail: string }).detail;
    expect(detail).toContain(entry.reason);
    expect(response.headers.get('X-Sentry-Error')).toBe(detail);
  });

  it('stores events whose parts have unexpected types instead of failing them', async () => {
    const project = await createProject();
    const oddEvents = [
      { exception: { values: [null, 5, { type: 'E', value: 'fine' }] } },
      { exception: { values: [{ type: 'E', stacktrace: { frames: 'not a list' } }] } },
      { exception: { values: [{ type: 'E', stacktrace: { frames: [null, 1, 'x', {}] } }] } },
      { exception: { values: [{ type: 5, value: { code: 1 }, stacktrace: 'x', raw_stack: 5 }] } },
      { exception: 'boom', threads: { values: [null, { stacktrace: 5 }] }, stacktrace: [] },
      { message: 'x', breadcrumbs: { values: [null, 'x'] }, tags: [5, null, ['a']], user: 'bob' },
      { message: { x: 1 }, request: { url: 5, headers: 5, env: 'x' }, contexts: [1] },
      { logentry: { message: '%s %s', params: { a: 1 } }, fingerprint: [null, {}, 5] },
      { message: 'x', release: {}, environment: 5, platform: 5, sdk: 'x', extra: [1] },
    ];
    for (const [index, odd] of oddEvents.entries()) {
      const response = await call(envelopePath(project), {
        method: 'POST',
        body: envelope({}, [{ type: 'event' }, odd]),
      });
      expect(response.status, JSON.stringify(odd)).toBe(200);
      const { id } = (await response.json()) as { id: string };
      expect(id, `event ${index}`).toMatch(/^[0-9a-f]{32}$/);
    }
    const csp = await call(securityPath(project), {
      method: 'POST',
      headers: { 'Content-Type': 'application/csp-report' },
      body: JSON.stringify({ 'csp-report': { 'effective-directive': 5, 'blocked-uri': [] } }),
    });
    expect(csp.status).toBe(200);
  });

  it('stores nothing of an envelope whose later transaction is invalid', async () => {
    const project = await createProject();
    const response = await call(envelopePath(project), {
      method: 'POST',
      body: envelope({}, [{ type: 'event' }, event], [{ type: 'transaction' }, { timestamp: 2 }]),
    });
    expect(response.status).toBe(400);
    expect(await admin(`/api/0/projects/${project.id}/issues/`)).toEqual([]);
  });

  it('stops reading a streamed body without Content-Length at 20 MiB', async () => {
    const project = await createProject();
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request(`http://collector.test${envelopePath(project)}`, {
      method: 'POST',
      body,
    });
    await expect(readBody(request)).rejects.toMatchObject({ status: 413 });
    expect(sent).toBeLessThanOrEqual(22);
  });

  it('accepts the same key in the header and the query', async () => {
    const project = await createProject();
    const response = await call(envelopePath(project), {
      method: 'POST',
      headers: { 'X-Sentry-Auth': `Sentry sentry_key=${project.publicKey}, sentry_version=7` },
      body: valid,
    });
    expect(response.status).toBe(200);
  });

  it('refuses a browser from an origin the project does not list, with CORS headers', async () => {
    const project = await createProject('shop', ['https://shop.test']);
    const response = await call(envelopePath(project), {
      method: 'POST',
      headers: { Origin: 'https://evil.test', 'Content-Type': 'text/plain' },
      body: valid,
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});
