import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { authenticateProject } from './authenticateProject';
import { decodeBody } from './decodeBody';
import { decodeStoreBody } from './decodeStoreBody';
import { MAX_EVENT_BYTES } from './envelopeItems';
import { extractPublicKey } from './extractPublicKey';
import { createIngestContext, flushOutcomes } from './IngestContext';
import { ingestEvent } from './ingestEvent';
import { readBody } from './readBody';
import { requireContentType } from './requireContentType';
import { upgradeLegacyEvent } from './upgradeLegacyEvent';

/** raven-js posts text/plain, raven-python octet-stream (base64+zlib), sentry-python JSON. */
const STORE_TYPES = [null, 'application/json', 'text/plain', 'application/octet-stream'];

/**
 * `POST /api/:projectId/store/`: the legacy one-event endpoint (raven-js,
 * raven-python, sentry-python 1.x errors; `sentry_version` 6 and 7).
 */
export async function storeRoute(
  request: IRequest,
  env: Env,
  ctx: ExecutionContext,
): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  requireContentType(request, STORE_TYPES);
  const publicKey = extractPublicKey(request);
  const key = await authenticateProject(
    env.DB,
    projectId,
    publicKey,
    request.headers.get('Origin'),
  );
  const body = decodeBody(
    await readBody(request),
    request.headers.get('Content-Encoding'),
    MAX_EVENT_BYTES,
  );
  const raw = upgradeLegacyEvent(decodeStoreBody(body));

  const ingest = createIngestContext(request, env, ctx, key);
  try {
    return json({ id: await ingestEvent(raw, ingest) });
  } finally {
    await flushOutcomes(ingest);
  }
}
