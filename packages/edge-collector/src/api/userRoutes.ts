import type { IRequest } from 'itty-router';
import { hashPassword } from '../auth/hashPassword';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { readJson } from '../http/readJson';
import { countOtherAdmins, deleteUser, insertUser, selectUsers } from '../store/users';
import { ROLES, type Role, type UserRecord } from '../types/User';
import type { AuthenticatedRequest } from './requireAdmin';

function toUserJson(user: UserRecord) {
  return {
    id: String(user.id),
    email: user.email,
    role: user.role,
    locked: user.lockedUntil !== null && user.lockedUntil > Date.now(),
    dateCreated: new Date(user.createdAt).toISOString(),
  };
}

/** `GET /api/0/users/` (admins) → every user, without password hashes. */
export async function listUsersRoute(_request: IRequest, env: Env): Promise<Response> {
  return json((await selectUsers(env.DB)).map(toUserJson));
}

/**
 * `POST /api/0/users/` `{email, password, role}` (admin token or an admin) → the user.
 * Passwords are 8 to 1024 characters (NIST SP 800-63B: length, no composition rules).
 */
export async function createUserRoute(request: IRequest, env: Env): Promise<Response> {
  const body = await readJson(request, 4096);
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
    throw new ClientError(400, 'email must be an e-mail address');
  }
  const password = body.password;
  if (typeof password !== 'string' || password.length < 8 || password.length > 1024) {
    throw new ClientError(400, 'password must be 8 to 1024 characters');
  }
  const role = (body.role ?? 'member') as Role;
  if (!ROLES.includes(role)) throw new ClientError(400, `role must be ${ROLES.join(' or ')}`);
  const user = await insertUser(env.DB, {
    email,
    role,
    password: await hashPassword(password),
    now: Date.now(),
  });
  if (!user) throw new ClientError(409, 'a user with this e-mail exists');
  return json(toUserJson(user), { status: 201 });
}

/** `DELETE /api/0/users/:userId/` (admins) → 204; their sessions end. The last admin stays. */
export async function deleteUserRoute(request: IRequest, env: Env): Promise<Response> {
  const userId = parseId(request.params.userId, 'user');
  const users = await selectUsers(env.DB);
  const user = users.find((entry) => entry.id === userId);
  if (!user) throw new ClientError(404, 'no such user');
  if (user.role === 'admin' && (await countOtherAdmins(env.DB, userId)) === 0) {
    throw new ClientError(409, 'the last admin cannot be removed');
  }
  const { viewer } = request as AuthenticatedRequest;
  if (viewer.kind === 'session' && viewer.userId === userId) {
    throw new ClientError(409, 'you cannot remove yourself');
  }
  await deleteUser(env.DB, userId);
  return new Response(null, { status: 204 });
}
