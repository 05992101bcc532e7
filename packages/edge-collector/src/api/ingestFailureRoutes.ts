import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { selectIngestFailures } from '../store/ingestFailures';
import { selectProject } from '../store/projects';

/**
 * `GET /api/0/projects/:projectId/ingest-failures/` → the newest messages the ingest
 * consumer could not store after every retry, with the reason.
 */
export async function listIngestFailuresRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  const failures = await selectIngestFailures(env.DB, projectId);
  return json(
    failures.map((failure) => ({
      messageKey: failure.messageKey,
      eventId: failure.eventId,
      reason: failure.reason,
      attempts: failure.attempts,
      receivedAt: new Date(failure.receivedAt).toISOString(),
      failedAt: new Date(failure.failedAt).toISOString(),
    })),
  );
}
