import type { Env } from '../env';
import { bindingName, databaseFor } from './databaseBindings';

/** Issue ids per database: database n allocates from (n - 1) × 2^40 + 1. */
export const ISSUE_IDS_PER_DATABASE = 2 ** 40;

/** The last issue id below database `n`'s range (its `sqlite_sequence` floor). */
export function issueIdFloor(databaseNumber: number): number {
  return (databaseNumber - 1) * ISSUE_IDS_PER_DATABASE;
}

/**
 * The database holding an issue, read from its id alone (`/api/0/issues/:id/` names no
 * project); null when the id falls in the range of a binding this Worker does not have.
 */
export function issueDatabase(env: Env, issueId: number): D1Database | null {
  const n = Math.floor((issueId - 1) / ISSUE_IDS_PER_DATABASE) + 1;
  return databaseFor(env, bindingName(n));
}
