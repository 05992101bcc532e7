import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { authenticateProject } from './authenticateProject';
import { decodeBody } from './decodeBody';
import { enqueueIngest } from './enqueueIngest';
import { acceptItem, prepareItems } from './envelopeItems';
import { extractPublicKey } from './extractPublicKey';
import { createIngestContext } from './IngestContext';
import { parseEnvelope } from './parseEnvelope';
import { readBody } from './readBody';
import { requestOrigin } from './requestOrigin';
import { requireContentType } from './requireContentType';

/** What clients label envelopes with: the Sentry type, and text/plain from browsers (no preflight). */
const ENVELOPE_TYPES = [
  null,
  'application/x-sentry-envelope',
  'text/plain',
  'application/octet-stream',
  'application/json',
];

/**
 * `POST /api/:projectId/envelope/`, the edge pipeline: decode → parse → authenticate →
 * per item validate, filter, rate-limit (`acceptItem`) → queue (`enqueueIngest`) → 200.
 */
export async function envelopeRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  requireContentType(request, ENVELOPE_TYPES);
  const body = decodeBody(await readBody(request), request.headers.get('Content-Encoding'));
  const envelope = parseEnvelope(body);
  const publicKey = extractPublicKey(request, envelope.header.dsn);
  const key = await authenticateProject(env, projectId, publicKey, requestOrigin(request));
  const items = prepareItems(envelope.items);

  const ingest = createIngestContext(request, env, key);
  const hint = envelope.header.event_id;
  let eventId = typeof hint === 'string' ? hint : undefined;
  // As Relay does: a rate-limited item does not stop the others; the SDK
  // learns the limit from the header, and gets a 429 only if nothing got in.
  const limits: ClientError[] = [];
  let admitted = false;
  try {
    for (const item of items) {
      try {
        const id = await acceptItem(item, ingest, hint);
        admitted = true;
        eventId = id ?? eventId;
      } catch (error) {
        if (!(error instanceof ClientError && error.status === 429)) throw error;
        limits.push(error);
      }
    }
  } finally {
    await enqueueIngest(ingest, eventId);
  }
  const [firstLimit] = limits;
  if (firstLimit && !admitted) throw firstLimit;
  const rateLimits = limits.map((limit) => limit.headers['X-Sentry-Rate-Limits']).join(', ');
  return json(
    { id: eventId ?? null },
    rateLimits ? { headers: { 'X-Sentry-Rate-Limits': rateLimits } } : {},
  );
}
