import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { json } from '../http/json';
import { acceptEvent } from './acceptEvent';
import { decodeStoreBody } from './decodeStoreBody';
import { enqueueIngest } from './enqueueIngest';
import { createIngestContext } from './IngestContext';
import { readSingleEventRequest } from './readSingleEventRequest';
import { upgradeLegacyEvent } from './upgradeLegacyEvent';

/** raven-js posts text/plain, raven-python octet-stream (base64+zlib), sentry-python JSON. */
const STORE_TYPES = [null, 'application/json', 'text/plain', 'application/octet-stream'];

/**
 * `POST /api/:projectId/store/`: the legacy one-event endpoint (raven-js,
 * raven-python, sentry-python 1.x errors; `sentry_version` 6 and 7).
 */
export async function storeRoute(request: IRequest, env: Env): Promise<Response> {
  const { key, body } = await readSingleEventRequest(request, env, STORE_TYPES);
  const raw = upgradeLegacyEvent(decodeStoreBody(body));

  const ingest = createIngestContext(request, env, key);
  let eventId: string | undefined;
  try {
    eventId = await acceptEvent(raw, ingest);
  } finally {
    await enqueueIngest(ingest, eventId);
  }
  return json({ id: eventId });
}
