import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { authenticateProject } from './authenticateProject';
import { cspReportsFrom, cspReportToEvent } from './cspReportToEvent';
import { decodeBody } from './decodeBody';
import { MAX_EVENT_BYTES } from './envelopeItems';
import { extractPublicKey } from './extractPublicKey';
import { createIngestContext, flushOutcomes } from './IngestContext';
import { ingestEvent } from './ingestEvent';
import { parseLenientJson } from './parseLenientJson';
import { readBody } from './readBody';
import { requireContentType } from './requireContentType';

const SECURITY_TYPES = ['application/csp-report', 'application/reports+json', 'application/json'];

/**
 * `POST /api/:projectId/security/?sentry_key=…`: CSP violation reports sent
 * by browsers themselves (`report-uri` or `report-to`), one event each.
 */
export async function securityRoute(
  request: IRequest,
  env: Env,
  ctx: ExecutionContext,
): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  requireContentType(request, SECURITY_TYPES);
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
  const reports = cspReportsFrom(parseLenientJson(body, 'report'));

  const ingest = createIngestContext(request, env, ctx, key);
  let eventId: string | null = null;
  try {
    for (const { report, userAgent } of reports) {
      const event = cspReportToEvent(report, userAgent ?? ingest.userAgent);
      eventId = await ingestEvent(event, ingest, { category: 'security' });
    }
  } finally {
    await flushOutcomes(ingest);
  }
  return json({ id: eventId });
}
