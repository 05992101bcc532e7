-- Projects and the DSN keys that authenticate events sent to them.
CREATE TABLE projects (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  -- JSON array of origins allowed to send from a browser; empty = any origin.
  allowed_origins TEXT NOT NULL DEFAULT '[]',
  -- JSON object of per-project settings (see src/projects/ProjectSettings.ts); {} = defaults.
  settings TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL
);

CREATE TABLE project_keys (
  public_key TEXT PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE INDEX project_keys_project ON project_keys (project_id);
