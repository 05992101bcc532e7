import type { IRequest } from 'itty-router';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { selectProject } from '../store/projects';
import { selectTransactions } from '../store/transactions';

/** `GET /api/0/projects/:projectId/transactions/` → the newest transactions, without payloads. */
export async function listTransactionsRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  const db = await projectDatabase(env, projectId);
  const transactions = await selectTransactions(db, projectId);
  return json(
    transactions.map((transaction) => ({
      eventId: transaction.eventId,
      name: transaction.name,
      op: transaction.op,
      status: transaction.status,
      traceId: transaction.traceId,
      startTimestamp: new Date(transaction.startTimestamp).toISOString(),
      timestamp: new Date(transaction.timestamp).toISOString(),
      durationMs: transaction.durationMs,
      release: transaction.release,
      environment: transaction.environment,
      measurements: transaction.measurements,
    })),
  );
}
