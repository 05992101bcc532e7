import type { IRequest } from 'itty-router';
import { chooseDatabase } from '../databases/chooseDatabase';
import { DEFAULT_BINDING } from '../databases/databaseBindings';
import { placeProject, syncProjectCopy } from '../databases/placeProject';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { readJson } from '../http/readJson';
import { forgetProjectKeys } from '../ingest/loadKey';
import { randomHex } from '../lib/randomHex';
import { mergeProjectSettings } from '../projects/ProjectSettings';
import {
  insertProject,
  type ProjectRecord,
  selectProject,
  selectProjects,
  updateProject,
} from '../store/projects';

/** The DSN a client configures: the collector's origin with the key as user name. */
function dsnFor(project: ProjectRecord, request: Request): string {
  const url = new URL(request.url);
  return `${url.protocol}//${project.publicKey}@${url.host}/${project.id}`;
}

function toProjectJson(project: ProjectRecord, request: Request) {
  return {
    id: String(project.id),
    name: project.name,
    publicKey: project.publicKey,
    dsn: dsnFor(project, request),
    allowedOrigins: project.allowedOrigins,
    settings: project.settings,
    dateCreated: new Date(project.createdAt).toISOString(),
    database: project.database,
  };
}

function parseAllowedOrigins(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new ClientError(400, 'allowedOrigins must be an array of origins');
  return value.map((entry) => {
    if (typeof entry !== 'string') throw new ClientError(400, 'allowedOrigins must hold strings');
    let origin: string;
    try {
      origin = new URL(entry).origin;
    } catch {
      throw new ClientError(
        400,
        `allowedOrigins: ${entry} is not an origin like https://example.com`,
      );
    }
    if (origin === 'null') throw new ClientError(400, `allowedOrigins: ${entry} has no origin`);
    return origin;
  });
}

/**
 * `POST /api/0/projects/` `{name, allowedOrigins?, database?}` → the project with its
 * DSN; `database` (a D1 binding name such as `DB_2`) chooses where its data goes.
 */
export async function createProjectRoute(request: IRequest, env: Env): Promise<Response> {
  const body = await readJson(request);
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name || name.length > 100) throw new ClientError(400, 'name must be 1 to 100 characters');
  const allowedOrigins = parseAllowedOrigins(body.allowedOrigins);
  const binding = await chooseDatabase(env, body.database);
  const now = Date.now();
  const project = await insertProject(env.DB, {
    name,
    allowedOrigins,
    publicKey: randomHex(16),
    now,
    binding,
    dataHere: binding === DEFAULT_BINDING,
  });
  await placeProject(env, project.id, binding, now);
  return json(toProjectJson(project, request), { status: 201 });
}

/** `GET /api/0/projects/` → every project with its DSN. */
export async function listProjectsRoute(request: IRequest, env: Env): Promise<Response> {
  const projects = await selectProjects(env.DB);
  return json(projects.map((project) => toProjectJson(project, request)));
}

async function findProject(request: IRequest, env: Env): Promise<ProjectRecord> {
  const project = await selectProject(env.DB, parseId(request.params.projectId, 'project'));
  if (!project) throw new ClientError(404, 'no such project');
  return project;
}

/** `GET /api/0/projects/:projectId/` → one project with its DSN and resolved settings. */
export async function getProjectRoute(request: IRequest, env: Env): Promise<Response> {
  return json(toProjectJson(await findProject(request, env), request));
}

/**
 * `PUT /api/0/projects/:projectId/` `{name?, allowedOrigins?, settings?}`: settings
 * are a patch (a `null` value resets that setting to its default).
 */
export async function updateProjectRoute(request: IRequest, env: Env): Promise<Response> {
  const project = await findProject(request, env);
  const body = await readJson(request);
  if (
    body.settings !== undefined &&
    (typeof body.settings !== 'object' || Array.isArray(body.settings) || body.settings === null)
  ) {
    throw new ClientError(400, 'settings must be an object');
  }
  const name =
    body.name === undefined ? project.name : typeof body.name === 'string' ? body.name.trim() : '';
  if (!name || name.length > 100) throw new ClientError(400, 'name must be 1 to 100 characters');
  const changes = {
    name,
    allowedOrigins:
      body.allowedOrigins === undefined
        ? project.allowedOrigins
        : parseAllowedOrigins(body.allowedOrigins),
    storedSettings: mergeProjectSettings(
      project.storedSettings,
      (body.settings ?? {}) as Record<string, unknown>,
    ),
  };
  await updateProject(env.DB, project.id, changes);
  await syncProjectCopy(env, project.id);
  forgetProjectKeys(project.id);
  const updated = await selectProject(env.DB, project.id);
  return json(toProjectJson(updated ?? project, request));
}
