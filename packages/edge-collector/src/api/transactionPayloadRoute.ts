import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { selectTransactionPayload } from '../store/transactionPayload';

/**
 * `GET /api/0/projects/:projectId/transactions/:eventId/` → one transaction as
 * stored (after scrubbing): its spans, measurements and contexts.
 */
export async function getTransactionRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  const eventId = String(request.params.eventId ?? '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(eventId)) throw new ClientError(400, 'invalid transaction id');
  const payload = await selectTransactionPayload(env.DB, projectId, eventId);
  if (!payload) throw new ClientError(404, 'no such transaction');
  return json(payload);
}
