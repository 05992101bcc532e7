import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type CreatedProject, call, createProject, envelope } from './helpers';

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
