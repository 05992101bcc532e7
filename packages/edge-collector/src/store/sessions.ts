// SQL for dashboard sessions, keyed by the SHA-256 of the cookie's id.
import type { Role } from '../types/User';

export interface SessionUser {
  userId: number;
  email: string;
  role: Role;
  expiresAt: number;
}

/**
 * Starts a session; the user's expired sessions (and `replacedHash`, the one the
 * browser held before signing in again: sessions rotate at sign-in) are removed.
 */
export async function insertSession(
  db: D1Database,
  session: { idHash: string; userId: number; now: number; expiresAt: number },
  replacedHash: string | null,
): Promise<void> {
  await db.batch([
    db
      .prepare('DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?')
      .bind(session.userId, session.now),
    db.prepare('DELETE FROM sessions WHERE id_hash = ?').bind(replacedHash ?? ''),
    db
      .prepare(
        'INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      )
      .bind(session.idHash, session.userId, session.now, session.expiresAt),
  ]);
}

/** The user of a live session; null when unknown or expired. */
export async function selectSessionUser(
  db: D1Database,
  idHash: string,
  now: number,
): Promise<SessionUser | null> {
  const row = await db
    .prepare(
      `SELECT s.user_id, s.expires_at, u.email, u.role FROM sessions s
       JOIN users u ON u.id = s.user_id WHERE s.id_hash = ? AND s.expires_at > ?`,
    )
    .bind(idHash, now)
    .first<{ user_id: number; expires_at: number; email: string; role: Role }>();
  return row
    ? { userId: row.user_id, email: row.email, role: row.role, expiresAt: row.expires_at }
    : null;
}

export async function deleteSession(db: D1Database, idHash: string): Promise<void> {
  await db.prepare('DELETE FROM sessions WHERE id_hash = ?').bind(idHash).run();
}
