import type { Env } from '../env';
import { insertDefaultRuleForProjectStatement } from '../store/alertRules';
import {
  deleteProjectRow,
  reserveIssueIdsStatements,
  selectProjectRow,
  upsertProjectCopyStatement,
} from '../store/projectDatabases';
import { bindingNumber, DEFAULT_BINDING, databaseFor } from './databaseBindings';
import { issueIdFloor } from './issueDatabase';
import { projectBinding, rememberProjectBinding } from './projectDatabase';

/**
 * Sets up a project just created in `DB` (routed to `binding`) in the database that
 * will hold its data: a copy of its row for the foreign keys, the database's issue id
 * range, and its default alert rule, in one transaction. If that fails, the project is
 * removed again, so no project is ever routed to a database that does not know it.
 */
export async function placeProject(
  env: Env,
  projectId: number,
  binding: string,
  now: number,
): Promise<void> {
  rememberProjectBinding(projectId, binding);
  if (binding === DEFAULT_BINDING) return;
  const target = databaseFor(env, binding);
  const row = await selectProjectRow(env.DB, projectId);
  try {
    if (!target || !row) throw new Error(`project ${projectId} cannot be placed on ${binding}`);
    await target.batch([
      upsertProjectCopyStatement(target, row),
      ...reserveIssueIdsStatements(target, issueIdFloor(bindingNumber(binding) ?? 1)),
      insertDefaultRuleForProjectStatement(target, projectId, now),
    ]);
  } catch (error) {
    await deleteProjectRow(env.DB, projectId);
    throw error;
  }
}

/** After a project changes in `DB`: its copy in the database holding its data follows. */
export async function syncProjectCopy(env: Env, projectId: number): Promise<void> {
  const binding = await projectBinding(env, projectId);
  if (binding === DEFAULT_BINDING) return;
  const target = databaseFor(env, binding);
  const row = await selectProjectRow(env.DB, projectId);
  if (target && row) await upsertProjectCopyStatement(target, row).run();
}
