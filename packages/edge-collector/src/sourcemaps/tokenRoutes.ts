import type { IRequest } from 'itty-router';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { readJson } from '../http/readJson';
import { digestHex } from '../lib/digestHex';
import { randomHex } from '../lib/randomHex';
import {
  type ApiTokenRecord,
  deleteApiToken,
  insertApiToken,
  selectApiTokens,
} from '../store/apiTokens';

/** Scopes a tool token may hold: uploading source maps is all it can do. */
export const UPLOAD_SCOPES = ['project:releases', 'org:ci'] as const;

/** Tool tokens start with this, so a leaked one is recognisable in logs and scanners. */
const TOKEN_PREFIX = 'flt_';

function toTokenJson(token: ApiTokenRecord) {
  return {
    id: String(token.id),
    name: token.name,
    tokenLastCharacters: token.tokenHint,
    scopes: token.scopes,
    projects: token.projects?.map(String) ?? null,
    dateCreated: new Date(token.createdAt).toISOString(),
    dateLastUsed: token.lastUsedAt === null ? null : new Date(token.lastUsedAt).toISOString(),
  };
}

function parseScopes(value: unknown): string[] {
  if (value === undefined) return ['project:releases'];
  if (!Array.isArray(value) || value.length === 0) {
    throw new ClientError(400, 'scopes must be a non-empty array, e.g. ["project:releases"]');
  }
  for (const scope of value) {
    if (!(UPLOAD_SCOPES as readonly unknown[]).includes(scope)) {
      throw new ClientError(400, `scopes: only ${UPLOAD_SCOPES.join(', ')} are supported`);
    }
  }
  return [...new Set(value as string[])];
}

function parseProjects(value: unknown): number[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw new ClientError(400, 'projects must be an array of project ids');
  return value.map((entry) => parseId(String(entry), 'project'));
}

/**
 * `POST /api/0/tokens/ {"name", "scopes": ["project:releases"], "projects"?}` (admin) →
 * the token, shown this once; only its SHA-256 is stored.
 */
export async function createTokenRoute(request: IRequest, env: Env): Promise<Response> {
  const body = await readJson(request);
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name || name.length > 100) throw new ClientError(400, 'name must be 1 to 100 characters');
  const token = `${TOKEN_PREFIX}${randomHex(32)}`;
  const record = await insertApiToken(env.DB, {
    name,
    tokenHash: await digestHex('SHA-256', token),
    tokenHint: token.slice(-4),
    scopes: parseScopes(body.scopes),
    projects: parseProjects(body.projects),
    now: Date.now(),
  });
  return json({ ...toTokenJson(record), token }, { status: 201 });
}

/** `GET /api/0/tokens/` (admin) → every tool token, without the tokens themselves. */
export async function listTokensRoute(_request: IRequest, env: Env): Promise<Response> {
  return json((await selectApiTokens(env.DB)).map(toTokenJson));
}

/** `DELETE /api/0/tokens/:tokenId/` (admin) → 204; the token stops working at once. */
export async function revokeTokenRoute(request: IRequest, env: Env): Promise<Response> {
  if (!(await deleteApiToken(env.DB, parseId(request.params.tokenId, 'token')))) {
    throw new ClientError(404, 'no such token');
  }
  return new Response(null, { status: 204 });
}
