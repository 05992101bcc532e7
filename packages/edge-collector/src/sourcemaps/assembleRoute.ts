import type { IRequest } from 'itty-router';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { readJson } from '../http/readJson';
import { digestHex } from '../lib/digestHex';
import { bundleExists } from '../store/artifactBundles';
import { chunkKey } from './r2Keys';
import { readBundle } from './readBundle';
import { type UploadRequest, uploadGrantOf } from './requireUploadToken';
import { resolveUploadProjects } from './resolveUploadProjects';
import { storeBundle } from './storeBundle';
import { UPLOAD_LIMITS } from './uploadLimits';

const SHA1 = /^[0-9a-f]{40}$/;

interface AssembleBody {
  checksum: string;
  chunks: string[];
  projects: string[];
  release: string | null;
  dist: string | null;
}

function parseBody(body: Record<string, unknown>): AssembleBody {
  const { checksum, chunks, projects, version, dist } = body;
  if (typeof checksum !== 'string' || !SHA1.test(checksum)) {
    throw new ClientError(400, 'checksum must be the SHA-1 of the bundle (40 hex digits)');
  }
  if (
    !Array.isArray(chunks) ||
    !chunks.every((chunk) => typeof chunk === 'string' && SHA1.test(chunk))
  ) {
    throw new ClientError(400, 'chunks must be a list of SHA-1 checksums');
  }
  if (
    !Array.isArray(projects) ||
    projects.length === 0 ||
    !projects.every((p) => typeof p === 'string')
  ) {
    throw new ClientError(400, 'You need to specify at least one project');
  }
  const optional = (value: unknown, name: string) => {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string' || value.length > 200)
      throw new ClientError(400, `${name} must be a string`);
    return value;
  };
  return {
    checksum,
    chunks,
    projects,
    release: optional(version, 'version'),
    dist: optional(dist, 'dist'),
  };
}

async function readChunks(bucket: R2Bucket, chunks: string[]) {
  const objects = await Promise.all(chunks.map((chunk) => bucket.get(chunkKey(chunk))));
  const found = objects.filter((object) => object !== null);
  if (found.length < chunks.length) return { missing: chunks.filter((_, i) => !objects[i]) };
  const parts = await Promise.all(
    found.map(async (object) => new Uint8Array(await object.arrayBuffer())),
  );
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  if (size > UPLOAD_LIMITS.bundleBytes) {
    throw new ClientError(413, `bundle is over ${UPLOAD_LIMITS.bundleBytes} bytes`);
  }
  const zip = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    zip.set(part, offset);
    offset += part.length;
  }
  return { zip };
}

const answer = (state: string, missingChunks: string[] = [], detail: string | null = null) =>
  json({ state, detail, missingChunks });

/**
 * `POST /api/0/organizations/:org/artifactbundle/assemble/`
 * `{checksum, chunks, projects, version?, dist?}`: answers `not_found` with the chunks still
 * missing, else assembles at once (the organisation in the path is ignored: projects are
 * global here) and answers `ok`, which sentry-cli's polling also accepts. A bad bundle is a
 * 4xx whose `detail` sentry-cli prints.
 */
export async function assembleRoute(request: IRequest, env: Env): Promise<Response> {
  const body = parseBody(await readJson(request));
  const grant = uploadGrantOf(request as UploadRequest);
  const projects = await resolveUploadProjects(env.DB, [...new Set(body.projects)], grant.projects);
  const pending = [];
  for (const project of projects) {
    const db = await projectDatabase(env, project.id);
    if (!(await bundleExists(db, project.id, body.checksum))) pending.push(project);
  }
  if (pending.length === 0) return answer('ok');
  if (body.chunks.length === 0) return answer('not_found');
  const chunks = await readChunks(env.SOURCEMAPS, body.chunks);
  if (chunks.missing) return answer('not_found', chunks.missing);
  if ((await digestHex('SHA-1', chunks.zip)) !== body.checksum) {
    throw new ClientError(400, 'the chunks do not add up to the checksum');
  }
  const bundle = readBundle(chunks.zip);
  const built = bundle.manifest.project;
  if (built && !pending.some((p) => String(p.id) === built || p.name === built)) {
    throw new ClientError(
      400,
      `the bundle was built for project ${built}, not ${body.projects.join(', ')}`,
    );
  }
  const release = body.release ?? bundle.manifest.release ?? null;
  const dist = body.dist ?? bundle.manifest.dist ?? null;
  for (const project of pending) {
    await storeBundle(env.SOURCEMAPS, await projectDatabase(env, project.id), chunks.zip, bundle, {
      projectId: project.id,
      checksum: body.checksum,
      release,
      dist,
      now: Date.now(),
    });
  }
  await env.SOURCEMAPS.delete(body.chunks.map(chunkKey));
  return answer('ok');
}
