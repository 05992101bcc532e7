import type { Env } from '../env';
import { projectBinding, projectDatabase } from './projectDatabase';

/** Project ids grouped by the database holding their data, for writes that span projects. */
export async function projectsByDatabase(
  env: Env,
  projectIds: number[],
): Promise<{ db: D1Database; projectIds: number[] }[]> {
  const groups = new Map<string, { db: D1Database; projectIds: number[] }>();
  for (const projectId of projectIds) {
    const binding = await projectBinding(env, projectId);
    const group = groups.get(binding) ?? {
      db: await projectDatabase(env, projectId),
      projectIds: [],
    };
    group.projectIds.push(projectId);
    groups.set(binding, group);
  }
  return [...groups.values()];
}
