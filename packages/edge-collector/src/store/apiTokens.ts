// SQL for tool tokens (sentry-cli): stored as a hash, listed without the token.

export interface ApiTokenRecord {
  id: number;
  name: string;
  tokenHint: string;
  scopes: string[];
  /** Project ids the token may upload for; null for all. */
  projects: number[] | null;
  createdAt: number;
  lastUsedAt: number | null;
}

interface ApiTokenRow {
  id: number;
  name: string;
  token_hint: string;
  scopes: string;
  projects: string | null;
  created_at: number;
  last_used_at: number | null;
}

function toToken(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    tokenHint: row.token_hint,
    scopes: JSON.parse(row.scopes) as string[],
    projects: row.projects === null ? null : (JSON.parse(row.projects) as number[]),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

const COLUMNS = 'id, name, token_hint, scopes, projects, created_at, last_used_at';

export async function insertApiToken(
  db: D1Database,
  input: {
    name: string;
    tokenHash: string;
    tokenHint: string;
    scopes: string[];
    projects: number[] | null;
    now: number;
  },
): Promise<ApiTokenRecord> {
  const row = await db
    .prepare(
      `INSERT INTO api_tokens (name, token_hash, token_hint, scopes, projects, created_at)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    )
    .bind(
      input.name,
      input.tokenHash,
      input.tokenHint,
      JSON.stringify(input.scopes),
      input.projects === null ? null : JSON.stringify(input.projects),
      input.now,
    )
    .first<ApiTokenRow>();
  if (!row) throw new Error('D1 did not return the new token');
  return toToken(row);
}

export async function selectApiTokens(db: D1Database): Promise<ApiTokenRecord[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM api_tokens ORDER BY id`)
    .all<ApiTokenRow>();
  return results.map(toToken);
}

/** The token with this hash, its last use recorded; null when there is none. */
export async function useApiToken(
  db: D1Database,
  tokenHash: string,
  now: number,
): Promise<ApiTokenRecord | null> {
  const row = await db
    .prepare(`UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? RETURNING ${COLUMNS}`)
    .bind(now, tokenHash)
    .first<ApiTokenRow>();
  return row ? toToken(row) : null;
}

/** Revokes a token; false when there was none with this id. */
export async function deleteApiToken(db: D1Database, id: number): Promise<boolean> {
  const result = await db.prepare('DELETE FROM api_tokens WHERE id = ?').bind(id).run();
  return result.meta.changes > 0;
}
