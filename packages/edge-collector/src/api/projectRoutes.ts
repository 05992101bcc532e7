import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { readJson } from '../http/readJson';
import { randomHex } from '../lib/randomHex';
import { insertProject, type ProjectRecord, selectProjects } from '../store/projects';

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
    dateCreated: new Date(project.createdAt).toISOString(),
  };
}

function parseAllowedOrigins(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ClientError(400, 'allowedOrigins must be an array of origins');
  return value.map((entry) => {
    if (typeof entry !== 'string') throw new ClientError(400, 'allowedOrigins must hold strings');
    let origin: string;
    try {
      origin = new URL(entry).origin;
    } catch {
      throw new ClientError(400, `allowedOrigins: ${entry} is not an origin like https://example.com`);
    }
    if (origin === 'null') throw new ClientError(400, `allowedOrigins: ${entry} has no origin`);
    return origin;
  });
}

/** `POST /api/0/projects/` `{name, allowedOrigins?}` → the project with its DSN. */
export async function createProjectRoute(request: IRequest, env: Env): Promise<Response> {
  const body = await readJson(request);
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name || name.length > 100) throw new ClientError(400, 'name must be 1 to 100 characters');
  const project = await insertProject(env.DB, {
    name,
    allowedOrigins: parseAllowedOrigins(body.allowedOrigins),
    publicKey: randomHex(16),
    now: Date.now(),
  });
  return json(toProjectJson(project, request), { status: 201 });
}

/** `GET /api/0/projects/` → every project with its DSN. */
export async function listProjectsRoute(request: IRequest, env: Env): Promise<Response> {
  const projects = await selectProjects(env.DB);
  return json(projects.map((project) => toProjectJson(project, request)));
}
