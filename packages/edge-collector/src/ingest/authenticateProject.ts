import { ClientError } from '../http/ClientError';
import { type KeyRecord, selectKey } from '../store/projects';

/**
 * Checks that `publicKey` is an enabled key of project `projectId` and that a
 * browser's `Origin` is one the project allows (an empty list allows any).
 */
export async function authenticateProject(
  db: D1Database,
  projectId: number,
  publicKey: string,
  origin: string | null,
): Promise<KeyRecord> {
  const key = await selectKey(db, publicKey);
  if (!key?.enabled) throw new ClientError(401, 'unknown or disabled DSN public key');
  if (key.projectId !== projectId) {
    throw new ClientError(403, 'this DSN key belongs to another project');
  }
  if (origin && key.allowedOrigins.length > 0 && !key.allowedOrigins.includes(origin)) {
    throw new ClientError(403, `origin ${origin} is not allowed for this project`);
  }
  return key;
}
