import type { IRequest } from 'itty-router';
import { allDatabases } from '../databases/databaseBindings';
import { projectsByDatabase } from '../databases/projectsByDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { readJson } from '../http/readJson';
import type { ProjectRecord } from '../store/projects';
import { type ReleaseRecord, selectReleaseProjects, upsertReleases } from '../store/releases';
import { type UploadRequest, uploadGrantOf } from './requireUploadToken';
import { resolveUploadProjects } from './resolveUploadProjects';

function parseDate(value: unknown, name: string): number | null {
  if (value === undefined || value === null) return null;
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new ClientError(400, `${name} must be an ISO date`);
  return time;
}

function parseVersion(value: unknown): string {
  if (typeof value !== 'string' || !value.trim() || value.length > 200 || /[\n/\\]/.test(value)) {
    throw new ClientError(400, 'version must be 1 to 200 characters without slashes or newlines');
  }
  return value.trim();
}

/** sentry-cli sends project ids as numbers or strings, and names. */
function projectNames(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ClientError(400, 'projects must name at least one project');
  }
  return value.map(String);
}

/** The shape of Sentry's release, as far as sentry-cli reads it. */
function toReleaseJson(releases: ReleaseRecord[], projects: ProjectRecord[]) {
  const [first] = releases;
  const iso = (time: number | null | undefined) => (time ? new Date(time).toISOString() : null);
  return {
    version: first?.version,
    shortVersion: first?.version,
    dateCreated: iso(first?.createdAt),
    dateStarted: iso(first?.dateStarted),
    dateReleased: iso(first?.dateReleased),
    newGroups: 0,
    lastEvent: null,
    projects: projects.map((p) => ({ id: p.id, slug: String(p.id), name: p.name })),
  };
}

/** `upsertReleases` in the database of each project (one transaction per database). */
async function upsertReleasesEverywhere(
  env: Env,
  projectIds: number[],
  input: Parameters<typeof upsertReleases>[2],
): Promise<ReleaseRecord[]> {
  const groups = await projectsByDatabase(env, projectIds);
  const stored = await Promise.all(
    groups.map((group) => upsertReleases(group.db, group.projectIds, input)),
  );
  return stored.flat();
}

/** `POST /api/0/organizations/:org/releases/` `{version, projects, dateStarted?}` → 201. */
export async function createReleaseRoute(request: IRequest, env: Env): Promise<Response> {
  const body = await readJson(request);
  const version = parseVersion(body.version);
  const grant = uploadGrantOf(request as UploadRequest);
  const projects = await resolveUploadProjects(env.DB, projectNames(body.projects), grant.projects);
  const releases = await upsertReleasesEverywhere(
    env,
    projects.map((p) => p.id),
    {
      version,
      now: Date.now(),
      dateStarted: parseDate(body.dateStarted, 'dateStarted'),
      dateReleased: parseDate(body.dateReleased, 'dateReleased'),
    },
  );
  return json(toReleaseJson(releases, projects), { status: 201 });
}

/**
 * `PUT /api/0/organizations/:org/releases/:version/` `{projects?, dateReleased?}` (what
 * `sentry-cli releases finalize` sends) → 200, or 404 when no project has the release.
 */
export async function updateReleaseRoute(request: IRequest, env: Env): Promise<Response> {
  const version = parseVersion(decodeURIComponent(request.params.version ?? ''));
  const body = await readJson(request);
  const grant = uploadGrantOf(request as UploadRequest);
  const named =
    body.projects === undefined
      ? null
      : await resolveUploadProjects(env.DB, projectNames(body.projects), grant.projects);
  const allowed = named ? named.map((p) => p.id) : grant.projects;
  const projectIds = (
    await Promise.all(allDatabases(env).map((db) => selectReleaseProjects(db, version, allowed)))
  ).flat();
  if (projectIds.length === 0) throw new ClientError(404, `no release ${version}`);
  const releases = await upsertReleasesEverywhere(env, projectIds, {
    version,
    now: Date.now(),
    dateStarted: parseDate(body.dateStarted, 'dateStarted'),
    dateReleased: parseDate(body.dateReleased, 'dateReleased'),
  });
  const projects = named ?? (await resolveUploadProjects(env.DB, projectIds.map(String), null));
  return json(toReleaseJson(releases, projects));
}
