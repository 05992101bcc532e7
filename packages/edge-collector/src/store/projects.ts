// SQL for projects and their DSN keys.
import { type ProjectSettings, resolveProjectSettings } from '../projects/ProjectSettings';
import { insertDefaultRuleStatement } from './alertRules';
import { routeProjectStatement } from './projectDatabases';

export interface ProjectRecord {
  id: number;
  name: string;
  allowedOrigins: string[];
  /** Only what the user set; read through `settings`. */
  storedSettings: Partial<ProjectSettings>;
  /** Stored settings merged over the defaults. */
  settings: ProjectSettings;
  publicKey: string;
  createdAt: number;
  /** The D1 binding holding its data (`DB` unless routed elsewhere). */
  database: string;
}

/** What ingestion needs to know about a DSN key. */
export interface KeyRecord {
  publicKey: string;
  projectId: number;
  enabled: boolean;
  allowedOrigins: string[];
  settings: ProjectSettings;
  /** The project's secret salt for hashed IPs and hashed scrubbed values. */
  salt: string;
}

interface ProjectRow {
  id: number;
  name: string;
  allowed_origins: string;
  settings: string;
  public_key: string;
  created_at: number;
  database: string;
}

function toProject(row: ProjectRow): ProjectRecord {
  const storedSettings = JSON.parse(row.settings) as Partial<ProjectSettings>;
  return {
    id: row.id,
    name: row.name,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    storedSettings,
    settings: resolveProjectSettings(storedSettings),
    publicKey: row.public_key,
    createdAt: row.created_at,
    database: row.database,
  };
}

/**
 * Creates a project, its first key and its route to the database `binding` in one
 * transaction; and its default alert rule too when its data lives in this database
 * (`dataHere`), else `placeProject` writes the rule where the data goes.
 */
export async function insertProject(
  db: D1Database,
  input: {
    name: string;
    allowedOrigins: string[];
    publicKey: string;
    now: number;
    binding: string;
    dataHere: boolean;
  },
): Promise<ProjectRecord> {
  const [created] = await db.batch<{ id: number }>([
    db
      .prepare(
        'INSERT INTO projects (name, allowed_origins, created_at) VALUES (?, ?, ?) RETURNING id',
      )
      .bind(input.name, JSON.stringify(input.allowedOrigins), input.now),
    db
      .prepare(
        'INSERT INTO project_keys (public_key, project_id, created_at) VALUES (?, last_insert_rowid(), ?)',
      )
      .bind(input.publicKey, input.now),
    routeProjectStatement(db, input.publicKey, input.binding),
    ...(input.dataHere ? [insertDefaultRuleStatement(db, input.publicKey, input.now)] : []),
  ]);
  const id = created?.results[0]?.id;
  if (id === undefined) throw new Error('D1 did not return the new project id');
  return {
    id,
    name: input.name,
    allowedOrigins: input.allowedOrigins,
    storedSettings: {},
    settings: resolveProjectSettings({}),
    publicKey: input.publicKey,
    createdAt: input.now,
    database: input.binding,
  };
}

const PROJECT_COLUMNS = `p.id, p.name, p.allowed_origins, p.settings, p.created_at,
  (SELECT k.public_key FROM project_keys k WHERE k.project_id = p.id AND k.enabled = 1
   ORDER BY k.created_at LIMIT 1) AS public_key,
  coalesce((SELECT r.binding FROM project_databases r WHERE r.project_id = p.id), 'DB') AS database`;

export async function selectProjects(db: D1Database): Promise<ProjectRecord[]> {
  const { results } = await db
    .prepare(`SELECT ${PROJECT_COLUMNS} FROM projects p ORDER BY p.id`)
    .all<ProjectRow>();
  return results.map(toProject);
}

export async function selectProject(db: D1Database, id: number): Promise<ProjectRecord | null> {
  const row = await db
    .prepare(`SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.id = ?`)
    .bind(id)
    .first<ProjectRow>();
  return row ? toProject(row) : null;
}

export async function selectKey(db: D1Database, publicKey: string): Promise<KeyRecord | null> {
  const row = await db
    .prepare(
      `SELECT k.public_key, k.project_id, k.enabled, p.allowed_origins, p.settings, p.salt
       FROM project_keys k JOIN projects p ON p.id = k.project_id WHERE k.public_key = ?`,
    )
    .bind(publicKey)
    .first<{
      public_key: string;
      project_id: number;
      enabled: number;
      allowed_origins: string;
      settings: string;
      salt: string;
    }>();
  if (!row) return null;
  return {
    publicKey: row.public_key,
    projectId: row.project_id,
    enabled: row.enabled === 1,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    settings: resolveProjectSettings(JSON.parse(row.settings)),
    salt: row.salt,
  };
}

/** Updates a project's name, allowed origins and stored settings. */
export async function updateProject(
  db: D1Database,
  id: number,
  changes: { name: string; allowedOrigins: string[]; storedSettings: Partial<ProjectSettings> },
): Promise<void> {
  await db
    .prepare('UPDATE projects SET name = ?, allowed_origins = ?, settings = ? WHERE id = ?')
    .bind(
      changes.name,
      JSON.stringify(changes.allowedOrigins),
      JSON.stringify(changes.storedSettings),
      id,
    )
    .run();
}
