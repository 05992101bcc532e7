import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { json } from '../http/json';
import { acceptEvent } from './acceptEvent';
import { cspReportsFrom, cspReportToEvent } from './cspReportToEvent';
import { enqueueIngest } from './enqueueIngest';
import { createIngestContext } from './IngestContext';
import { parseLenientJson } from './parseLenientJson';
import { readSingleEventRequest } from './readSingleEventRequest';

const SECURITY_TYPES = ['application/csp-report', 'application/reports+json', 'application/json'];

/**
 * `POST /api/:projectId/security/?sentry_key=…`: CSP violation reports sent
 * by browsers themselves (`report-uri` or `report-to`), one event each.
 */
export async function securityRoute(request: IRequest, env: Env): Promise<Response> {
  const { key, body } = await readSingleEventRequest(request, env, SECURITY_TYPES);
  const reports = cspReportsFrom(parseLenientJson(body, 'report'));

  const ingest = createIngestContext(request, env, key);
  let eventId: string | null = null;
  try {
    for (const { report, userAgent } of reports) {
      const event = cspReportToEvent(report, userAgent ?? ingest.userAgent);
      eventId = await acceptEvent(event, ingest, { category: 'security' });
    }
  } finally {
    await enqueueIngest(ingest, eventId);
  }
  return json({ id: eventId });
}
