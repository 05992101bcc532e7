/** What a dashboard user may do: admins also manage users, projects and alerts. */
export type Role = 'admin' | 'member';

export const ROLES: readonly Role[] = ['admin', 'member'];

/** A user as the store reads it, password hash included (never sent to a client). */
export interface UserRecord {
  id: number;
  email: string;
  role: Role;
  passwordHash: string;
  passwordSalt: string;
  passwordIterations: number;
  failedLogins: number;
  lockedUntil: number | null;
  createdAt: number;
}

/** Who a request to `/api/0/*` comes from: the admin token, or a signed-in user. */
export type Viewer =
  | { kind: 'token'; role: 'admin' }
  | { kind: 'session'; role: Role; userId: number; email: string; sessionHash: string };
