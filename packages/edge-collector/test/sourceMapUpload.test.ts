import { env } from 'cloudflare:test';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runSourceMapRetention } from '../src/scheduled/sourceMapRetention';
import { SHOP_BUILDS } from './fixtures/sourcemaps/shopBuilds';
import { ADMIN_TOKEN, admin, call, createProject } from './helpers';
import {
  assemble,
  bearer,
  createToken,
  sha1Hex,
  shopBundle,
  uploadBundle,
  uploadChunks,
} from './sourceMapHelpers';

const { first } = SHOP_BUILDS;

async function bucketKeys(prefix: string): Promise<string[]> {
  return (await env.SOURCEMAPS.list({ prefix })).objects.map((object) => object.key);
}

describe('tool tokens', () => {
  it('are shown once on creation, listed without the token and revoked at once', async () => {
    const created = await admin<{ id: string; token: string; scopes: string[] }>('/api/0/tokens/', {
      method: 'POST',
      body: JSON.stringify({ name: 'ci', scopes: ['project:releases'] }),
    });
    expect(created.token).toMatch(/^flt_[0-9a-f]{64}$/);
    expect(created.scopes).toEqual(['project:releases']);
    const listed = await admin<Record<string, unknown>[]>('/api/0/tokens/');
    const entry = listed.find((token) => token.id === created.id);
    expect(entry?.tokenLastCharacters).toBe(created.token.slice(-4));
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const info = await call('/api/0/', { headers: bearer(created.token) });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ auth: { scopes: ['project:releases'] } });
    await admin(`/api/0/tokens/${created.id}/`, { method: 'DELETE' });
    expect((await call('/api/0/', { headers: bearer(created.token) })).status).toBe(401);
  });

  it('cannot be made with scopes beyond uploading, nor used for the admin API', async () => {
    const response = await call('/api/0/tokens/', {
      method: 'POST',
      headers: { ...bearer(ADMIN_TOKEN), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'too much', scopes: ['org:admin'] }),
    });
    expect(response.status).toBe(400);
    const token = await createToken('uploads only');
    expect((await call('/api/0/projects/', { headers: bearer(token) })).status).toBe(401);
  });

  it('are needed for every sentry-cli endpoint', async () => {
    expect((await call('/api/0/organizations/any/chunk-upload/')).status).toBe(401);
    const wrong = await call('/api/0/organizations/any/chunk-upload/', {
      headers: bearer('flt_nope'),
    });
    expect(wrong.status).toBe(401);
  });
});

describe('chunk upload', () => {
  it('tells sentry-cli to send artifact bundles in gzip chunks named by SHA-1', async () => {
    const token = await createToken('options');
    const response = await call('/api/0/organizations/my-org/chunk-upload/', {
      headers: bearer(token),
    });
    expect(await response.json()).toMatchObject({
      url: 'http://collector.test/api/0/organizations/my-org/chunk-upload/',
      hashAlgorithm: 'sha1',
      compression: ['gzip'],
      accept: expect.arrayContaining(['artifact_bundles']),
    });
  });

  it('refuses a chunk whose content does not match its name', async () => {
    const form = new FormData();
    form.append('file', new File([strToU8('hello')], 'a'.repeat(40)));
    const response = await call('/api/0/organizations/any/chunk-upload/', {
      method: 'POST',
      headers: bearer(ADMIN_TOKEN),
      body: form,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('does not match its SHA-1');
  });
});

describe('artifact bundle assembly', () => {
  it('asks for missing chunks, then stores the bundle and its maps, once', async () => {
    const project = await createProject('assemble');
    const zip = shopBundle(first, { project: project.id });
    const checksum = await sha1Hex(zip);
    const before = await assemble({ checksum, chunks: [checksum], projects: [project.id] });
    expect(await before.json()).toEqual({
      state: 'not_found',
      detail: null,
      missingChunks: [checksum],
    });
    await uploadChunks(zip);
    const done = await assemble({
      checksum,
      chunks: [checksum],
      projects: [project.id],
      version: 'shop@1',
    });
    expect(await done.json()).toEqual({ state: 'ok', detail: null, missingChunks: [] });
    expect(await bucketKeys(`bundles/${project.id}/`)).toEqual([
      `bundles/${project.id}/${checksum}.zip`,
    ]);
    expect(await bucketKeys(`maps/${project.id}/${checksum}/`)).toHaveLength(1);
    expect(await bucketKeys(`chunks/${checksum}`)).toEqual([]);
    // sentry-cli's polling, and a second upload of the same bundle: already there.
    const again = await assemble({ checksum, chunks: [checksum], projects: [project.id] });
    expect(await again.json()).toMatchObject({ state: 'ok' });
    const rows = await env.DB.prepare(
      'SELECT debug_id, release, url_path FROM artifact_maps WHERE project_id = ?',
    )
      .bind(Number(project.id))
      .all();
    expect(rows.results).toEqual([
      { debug_id: first.debugId, release: 'shop@1', url_path: `/${first.script}` },
    ]);
  });

  it('finds the project by name as SENTRY_PROJECT may give it', async () => {
    const project = await createProject('storefront-by-name');
    const response = await uploadBundle(shopBundle(first, { project: project.name }), [
      project.name,
    ]);
    expect(await response.json()).toMatchObject({ state: 'ok' });
  });

  it('refuses an unknown project, a project the token may not write and a bundle built for another project', async () => {
    const mine = await createProject('mine');
    const theirs = await createProject('theirs');
    const unknown = await uploadBundle(shopBundle(first, { project: '999999' }), ['999999']);
    expect(unknown.status).toBe(400);
    const token = await createToken('mine only', [mine.id]);
    const forbidden = await uploadBundle(shopBundle(first, { project: theirs.id }), [theirs.id], {
      token,
    });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain(`may not upload for project ${theirs.id}`);
    const misdirected = await uploadBundle(shopBundle(first, { project: theirs.id }), [mine.id], {
      token,
    });
    expect(misdirected.status).toBe(400);
    expect(await misdirected.text()).toContain(`built for project ${theirs.id}`);
    expect(await bucketKeys(`bundles/${mine.id}/`)).toEqual([]);
  });

  it('refuses hostile zips with a 4xx saying why', { timeout: 30_000 }, async () => {
    const project = await createProject('hostile');
    const escaping = shopBundle(first, {
      project: project.id,
      extra: { '../../etc/passwd': strToU8('x') },
    });
    const escaped = await uploadBundle(escaping, [project.id]);
    expect(escaped.status).toBe(400);
    expect(await escaped.text()).toContain('escapes the bundle');
    // 4 MB of zeros deflate to about 4 KB: a 1000:1 ratio no real file has.
    const bomb = zipSync({
      'manifest.json': strToU8('{"files":{}}'),
      'files/bomb.js': new Uint8Array(4 * 1024 * 1024),
    });
    const bombed = await uploadBundle(bomb, [project.id]);
    expect(bombed.status).toBe(413);
    expect(await bombed.text()).toContain('zip bomb');
    const notZip = await uploadBundle(strToU8('this is not a zip file at all'), [project.id]);
    expect(notZip.status).toBe(400);
    expect(await notZip.text()).toContain('not a valid zip');
    const zip = shopBundle(first, { project: project.id });
    const [chunk] = await uploadChunks(zip);
    const mismatch = await assemble({
      checksum: 'f'.repeat(40),
      chunks: [chunk as string],
      projects: [project.id],
    });
    expect(mismatch.status).toBe(400);
    expect(await bucketKeys(`bundles/${project.id}/`)).toEqual([]);
  });
});

describe('bundle retention', () => {
  it('removes bundles past the project retention and those of deleted projects, R2 objects included', async () => {
    const kept = await createProject('kept');
    const gone = await createProject('gone');
    for (const project of [kept, gone]) {
      const response = await uploadBundle(shopBundle(first, { project: project.id }), [project.id]);
      expect(response.status).toBe(200);
    }
    await env.DB.prepare('DELETE FROM projects WHERE id = ?').bind(Number(gone.id)).run();
    await runSourceMapRetention(env.SOURCEMAPS, env.DB, Date.now());
    expect(await bucketKeys(`bundles/${gone.id}/`)).toEqual([]);
    expect(await bucketKeys(`maps/${gone.id}/`)).toEqual([]);
    expect(await bucketKeys(`bundles/${kept.id}/`)).toHaveLength(1);
    const later = Date.now() + 91 * 24 * 60 * 60 * 1000;
    await runSourceMapRetention(env.SOURCEMAPS, env.DB, later);
    expect(await bucketKeys(`bundles/${kept.id}/`)).toEqual([]);
    expect(await bucketKeys(`maps/${kept.id}/`)).toEqual([]);
    const rows = await env.DB.prepare(
      'SELECT count(*) AS n FROM artifact_maps WHERE project_id IN (?, ?)',
    )
      .bind(Number(kept.id), Number(gone.id))
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });
});

describe('releases made by sentry-cli', () => {
  it('are created per project, finalized, and unknown ones are a 404', async () => {
    const project = await createProject('releases');
    const token = await createToken('releases');
    const headers = { ...bearer(token), 'Content-Type': 'application/json' };
    const created = await call('/api/0/organizations/any/releases/', {
      method: 'POST',
      headers,
      body: JSON.stringify({ version: 'shop@5.0.0', projects: [Number(project.id)] }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ version: 'shop@5.0.0', dateReleased: null });
    const finalized = await call('/api/0/organizations/any/releases/shop%405.0.0/', {
      method: 'PUT',
      headers,
      body: JSON.stringify({ projects: [project.id], dateReleased: '2026-12-04T10:00:00Z' }),
    });
    expect(await finalized.json()).toMatchObject({
      version: 'shop@5.0.0',
      dateReleased: '2026-12-04T10:00:00.000Z',
      projects: [{ name: 'releases' }],
    });
    const unknown = await call('/api/0/organizations/any/releases/shop@0.0.1/', {
      method: 'PUT',
      headers,
      body: JSON.stringify({ projects: [project.id], dateReleased: '2026-12-04T10:00:00Z' }),
    });
    expect(unknown.status).toBe(404);
  });
});
