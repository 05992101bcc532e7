import type { Env } from '../env';
import { allDatabases } from './databaseBindings';

/**
 * What `read` finds in any database, asked in parallel, `DB`'s answer first: for reads
 * addressed by something that names no project (an event id).
 */
export async function findInDatabases<T>(
  env: Env,
  read: (db: D1Database) => Promise<T | null>,
): Promise<T | null> {
  const found = await Promise.all(allDatabases(env).map(read));
  return found.find((value) => value !== null) ?? null;
}
