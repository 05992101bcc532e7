// SQL for placing projects on databases: the routing table (in `DB`), the copy of a
// project's row in the database holding its data, and that database's issue id range.

/** Routes the project of `publicKey` (inserted in the same batch) to `binding`. */
export function routeProjectStatement(
  db: D1Database,
  publicKey: string,
  binding: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO project_databases (project_id, binding)
       SELECT project_id, ?1 FROM project_keys WHERE public_key = ?2`,
    )
    .bind(binding, publicKey);
}

/** The binding a project's data lives on, or null when it has no row (it lives in `DB`). */
export async function selectProjectBinding(
  db: D1Database,
  projectId: number,
): Promise<string | null> {
  const row = await db
    .prepare('SELECT binding FROM project_databases WHERE project_id = ?1')
    .bind(projectId)
    .first<{ binding: string }>();
  return row?.binding ?? null;
}

/** How many projects each binding holds; projects without a route count for `defaultBinding`. */
export async function countProjectsByBinding(
  db: D1Database,
  defaultBinding: string,
): Promise<Map<string, number>> {
  const { results } = await db
    .prepare(
      `SELECT coalesce(r.binding, ?1) AS binding, count(*) AS projects
       FROM projects p LEFT JOIN project_databases r ON r.project_id = p.id
       GROUP BY 1`,
    )
    .bind(defaultBinding)
    .all<{ binding: string; projects: number }>();
  return new Map(results.map((row) => [row.binding, row.projects]));
}

/** A project's row as stored in `DB`, column by column, to copy elsewhere. */
export interface ProjectRow {
  id: number;
  name: string;
  allowed_origins: string;
  settings: string;
  created_at: number;
  salt: string;
}

export async function selectProjectRow(db: D1Database, id: number): Promise<ProjectRow | null> {
  return db
    .prepare(
      'SELECT id, name, allowed_origins, settings, created_at, salt FROM projects WHERE id = ?1',
    )
    .bind(id)
    .first<ProjectRow>();
}

/**
 * Writes the copy of a project's row that its data's foreign keys and joins (retention
 * reads `settings`) need in its database. An upsert, never `INSERT OR REPLACE`: a
 * replace deletes the row first, and the cascade would take the project's data with it.
 */
export function upsertProjectCopyStatement(db: D1Database, row: ProjectRow): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO projects (id, name, allowed_origins, settings, created_at, salt)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name,
         allowed_origins = excluded.allowed_origins, settings = excluded.settings,
         salt = excluded.salt`,
    )
    .bind(row.id, row.name, row.allowed_origins, row.settings, row.created_at, row.salt);
}

/**
 * Makes the database's next issue ids start above `floor` (AUTOINCREMENT continues from
 * `sqlite_sequence`), so issue ids are unique across databases and name their database.
 * Does nothing once the sequence is past `floor`.
 */
export function reserveIssueIdsStatements(db: D1Database, floor: number): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO sqlite_sequence (name, seq) SELECT 'issues', ?1
         WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'issues')`,
      )
      .bind(floor),
    db
      .prepare(`UPDATE sqlite_sequence SET seq = ?1 WHERE name = 'issues' AND seq < ?1`)
      .bind(floor),
  ];
}

/** Undoes a project whose copy could not be written (its keys and route go with it). */
export async function deleteProjectRow(db: D1Database, id: number): Promise<void> {
  await db.prepare('DELETE FROM projects WHERE id = ?1').bind(id).run();
}
