import { ClientError } from '../http/ClientError';
import { type ProjectRecord, selectProjects } from '../store/projects';

/**
 * The projects sentry-cli names (by id or by name, as SENTRY_PROJECT may give either) that
 * the token may write: a 400 for one that does not exist (as Sentry answers), a 403 for one
 * the token is not for.
 */
export async function resolveUploadProjects(
  db: D1Database,
  names: string[],
  allowed: number[] | null,
): Promise<ProjectRecord[]> {
  const all = await selectProjects(db);
  return names.map((name) => {
    const project = all.find((p) => String(p.id) === name) ?? all.find((p) => p.name === name);
    if (!project)
      throw new ClientError(400, `One or more projects are invalid: no project ${name}`);
    if (allowed && !allowed.includes(project.id)) {
      throw new ClientError(403, `this token may not upload for project ${name}`);
    }
    return project;
  });
}
