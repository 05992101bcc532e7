// SQL for dashboard users and their sign-in failures.
import type { Role, UserRecord } from '../types/User';

interface UserRow {
  id: number;
  email: string;
  role: Role;
  password_hash: string;
  password_salt: string;
  password_iterations: number;
  failed_logins: number;
  locked_until: number | null;
  created_at: number;
}

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    passwordHash: row.password_hash,
    passwordSalt: row.password_salt,
    passwordIterations: row.password_iterations,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
  };
}

export interface NewUser {
  email: string;
  role: Role;
  password: { hash: string; salt: string; iterations: number };
  now: number;
}

/** Creates a user; null when the e-mail (case-insensitive) is taken. */
export async function insertUser(db: D1Database, user: NewUser): Promise<UserRecord | null> {
  const row = await db
    .prepare(
      `INSERT INTO users (email, role, password_hash, password_salt, password_iterations, created_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING *`,
    )
    .bind(
      user.email,
      user.role,
      user.password.hash,
      user.password.salt,
      user.password.iterations,
      user.now,
    )
    .first<UserRow>();
  return row ? toUser(row) : null;
}

export async function selectUsers(db: D1Database): Promise<UserRecord[]> {
  const { results } = await db.prepare('SELECT * FROM users ORDER BY email').all<UserRow>();
  return results.map(toUser);
}

export async function selectUserByEmail(db: D1Database, email: string): Promise<UserRecord | null> {
  const row = await db.prepare('SELECT * FROM users WHERE email = ?').bind(email).first<UserRow>();
  return row ? toUser(row) : null;
}

/** Deletes a user (their sessions go with them); false when there was none. */
export async function deleteUser(db: D1Database, userId: number): Promise<boolean> {
  const result = await db.prepare('DELETE FROM users WHERE id = ?').bind(userId).run();
  return result.meta.changes > 0;
}

/** Admins left besides `userId`: the last admin may not be removed. */
export async function countOtherAdmins(db: D1Database, userId: number): Promise<number> {
  const row = await db
    .prepare("SELECT count(*) AS admins FROM users WHERE role = 'admin' AND id != ?")
    .bind(userId)
    .first<{ admins: number }>();
  return row?.admins ?? 0;
}

/** Counts one more wrong password in a row, atomically; returns the new count. */
export async function recordFailedLogin(db: D1Database, userId: number): Promise<number> {
  const row = await db
    .prepare(
      'UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins',
    )
    .bind(userId)
    .first<{ failed_logins: number }>();
  return row?.failed_logins ?? 0;
}

export async function updateLockedUntil(
  db: D1Database,
  userId: number,
  lockedUntil: number | null,
): Promise<void> {
  await db
    .prepare('UPDATE users SET locked_until = ? WHERE id = ?')
    .bind(lockedUntil, userId)
    .run();
}

/** A right password: the failure count and any lock are cleared. */
export async function clearFailedLogins(db: D1Database, userId: number): Promise<void> {
  await db
    .prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?')
    .bind(userId)
    .run();
}
