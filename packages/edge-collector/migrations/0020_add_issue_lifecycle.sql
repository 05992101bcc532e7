-- The issue lifecycle: statuses with their conditions, distinct users, releases,
-- and what the last ingest did to the issue (read by alert statements in the
-- same batch). See src/store/ingestStatements.ts.
ALTER TABLE issues ADD COLUMN user_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE issues ADD COLUMN first_release TEXT;
ALTER TABLE issues ADD COLUMN last_release TEXT;
-- 1 once a resolved issue saw a new event; cleared by the next status change.
ALTER TABLE issues ADD COLUMN is_regressed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE issues ADD COLUMN resolved_at INTEGER;
-- NULL: resolved now; 'inRelease': fixed in resolved_release; 'inNextRelease': fixed
-- in whatever release follows resolved_release (the project's newest when resolved).
ALTER TABLE issues ADD COLUMN resolved_mode TEXT;
ALTER TABLE issues ADD COLUMN resolved_release TEXT;
-- Ignored until a time (ms), until event_count reaches a total, or user_count does.
ALTER TABLE issues ADD COLUMN ignore_until INTEGER;
ALTER TABLE issues ADD COLUMN ignore_until_count INTEGER;
ALTER TABLE issues ADD COLUMN ignore_until_users INTEGER;
ALTER TABLE issues ADD COLUMN status_changed_at INTEGER;
-- Set by each ingest that counted an event: a random token naming that ingest, and
-- 'new', 'regressed', 'unignored' or NULL for what it did to the status.
ALTER TABLE issues ADD COLUMN ingest_token TEXT;
ALTER TABLE issues ADD COLUMN transition TEXT;

CREATE INDEX issues_project_status_last_seen ON issues (project_id, status, last_seen DESC);
CREATE INDEX issues_project_first_seen ON issues (project_id, first_seen DESC);
CREATE INDEX issues_project_count ON issues (project_id, event_count DESC);
CREATE INDEX issues_project_users ON issues (project_id, user_count DESC);
CREATE INDEX issues_ignore_until ON issues (ignore_until) WHERE ignore_until IS NOT NULL;

-- Releases in the order a project first saw them: "older release" means a lower id.
CREATE TABLE releases (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  version TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  UNIQUE (project_id, version)
);

-- Fingerprints of issues deleted with "discard": their future events are dropped.
CREATE TABLE discarded_fingerprints (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL,
  discarded_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, fingerprint)
);

-- A per-project secret salt for hashed IPs (distinct users) and hashed scrubbed values.
ALTER TABLE projects ADD COLUMN salt TEXT NOT NULL DEFAULT '';
UPDATE projects SET salt = lower(hex(randomblob(16))) WHERE salt = '';
CREATE TRIGGER projects_salt AFTER INSERT ON projects WHEN NEW.salt = ''
BEGIN
  UPDATE projects SET salt = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
