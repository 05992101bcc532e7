import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import type { KeyRecord } from '../store/projects';
import { loadKey } from './loadKey';

/**
 * Checks that `publicKey` is an enabled key of project `projectId` and that a
 * browser's `Origin` is one the project allows (an empty list allows any).
 * Keys are cached per isolate for a few seconds (see `loadKey`).
 */
export async function authenticateProject(
  env: Env,
  projectId: number,
  publicKey: string,
  origin: string | null,
): Promise<KeyRecord> {
  const key = await loadKey(env.DB, publicKey);
  if (!key?.enabled) throw new ClientError(401, 'unknown or disabled DSN public key');
  if (key.projectId !== projectId) {
    throw new ClientError(403, 'this DSN key belongs to another project');
  }
  if (origin && key.allowedOrigins.length > 0 && !key.allowedOrigins.includes(origin)) {
    throw new ClientError(403, `origin ${origin} is not allowed for this project`);
  }
  return key;
}
