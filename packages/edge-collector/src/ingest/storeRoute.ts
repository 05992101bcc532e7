import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { json } from '../http/json';
import { decodeStoreBody } from './decodeStoreBody';
import { createIngestContext, flushOutcomes } from './IngestContext';
import { ingestEvent } from './ingestEvent';
import { readSingleEventRequest } from './readSingleEventRequest';
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
  const { key, body } = await readSingleEventRequest(request, env, STORE_TYPES);
  const raw = upgradeLegacyEvent(decodeStoreBody(body));

  const ingest = createIngestContext(request, env, ctx, key);
  try {
    return json({ id: await ingestEvent(raw, ingest) });
  } finally {
    await flushOutcomes(ingest);
  }
}
