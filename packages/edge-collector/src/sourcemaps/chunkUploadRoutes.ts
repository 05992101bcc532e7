import { gunzipSync } from 'node:zlib';
import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { digestHex } from '../lib/digestHex';
import { chunkKey } from './r2Keys';
import { UPLOAD_LIMITS } from './uploadLimits';

/**
 * `GET /api/0/organizations/:org/chunk-upload/` → how sentry-cli should upload: chunk size,
 * SHA-1 names, gzip, and `artifact_bundles` in `accept` so it sends one zip per upload.
 */
export function chunkUploadOptionsRoute(request: IRequest): Response {
  const url = new URL(request.url);
  return json({
    url: `${url.origin}${url.pathname}`,
    chunkSize: UPLOAD_LIMITS.chunkBytes,
    chunksPerRequest: UPLOAD_LIMITS.chunksPerRequest,
    maxFileSize: UPLOAD_LIMITS.bundleBytes,
    maxRequestSize: UPLOAD_LIMITS.requestBytes,
    concurrency: 4,
    hashAlgorithm: 'sha1',
    compression: ['gzip'],
    accept: ['artifact_bundles', 'sources'],
  });
}

function inflateChunk(data: Uint8Array, name: string): Uint8Array {
  try {
    return gunzipSync(data, { maxOutputLength: UPLOAD_LIMITS.chunkBytes });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ClientError(400, `chunk ${name} is over ${UPLOAD_LIMITS.chunkBytes} bytes`);
    }
    throw new ClientError(400, `chunk ${name} is not valid gzip data`);
  }
}

/** The chunks of a multipart body: `file` parts as they are, `file_gzip` parts inflated. */
async function readChunks(request: Request): Promise<{ name: string; bytes: Uint8Array }[]> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ClientError(400, 'body must be multipart/form-data with file or file_gzip parts');
  }
  const chunks: { name: string; bytes: Uint8Array }[] = [];
  for (const field of ['file', 'file_gzip'] as const) {
    for (const part of form.getAll(field)) {
      if (typeof part === 'string') throw new ClientError(400, `${field} parts must be files`);
      const file = part as File;
      const name = file.name.toLowerCase();
      const data = new Uint8Array(await file.arrayBuffer());
      const bytes = field === 'file_gzip' ? inflateChunk(data, name) : data;
      if (bytes.length > UPLOAD_LIMITS.chunkBytes) {
        throw new ClientError(400, `chunk ${name} is over ${UPLOAD_LIMITS.chunkBytes} bytes`);
      }
      chunks.push({ name, bytes });
    }
  }
  return chunks;
}

/**
 * `POST /api/0/organizations/:org/chunk-upload/` (multipart, each part named by the SHA-1
 * of its content) → 200. Chunks wait in R2 until an assemble request turns them into a
 * bundle; each is checked against its name first.
 */
export async function uploadChunksRoute(request: IRequest, env: Env): Promise<Response> {
  const length = Number(request.headers.get('Content-Length') ?? 0);
  if (length > UPLOAD_LIMITS.requestBytes) {
    throw new ClientError(413, `request is over ${UPLOAD_LIMITS.requestBytes} bytes`);
  }
  const chunks = await readChunks(request);
  if (chunks.length > UPLOAD_LIMITS.chunksPerRequest) {
    throw new ClientError(400, `at most ${UPLOAD_LIMITS.chunksPerRequest} chunks per request`);
  }
  for (const chunk of chunks) {
    if (!/^[0-9a-f]{40}$/.test(chunk.name)) {
      throw new ClientError(400, 'each chunk must be named by the SHA-1 of its content');
    }
    if ((await digestHex('SHA-1', chunk.bytes)) !== chunk.name) {
      throw new ClientError(400, `chunk ${chunk.name} does not match its SHA-1`);
    }
  }
  await Promise.all(chunks.map((chunk) => env.SOURCEMAPS.put(chunkKey(chunk.name), chunk.bytes)));
  return new Response(null, { status: 200 });
}
