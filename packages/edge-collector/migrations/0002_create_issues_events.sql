-- Issues group events by fingerprint; events keep the processed payload.
-- Times are milliseconds since the epoch.
CREATE TABLE issues (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  fingerprint TEXT NOT NULL,
  title TEXT NOT NULL,
  culprit TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL DEFAULT 'error',
  platform TEXT NOT NULL DEFAULT 'other',
  status TEXT NOT NULL DEFAULT 'unresolved',
  event_count INTEGER NOT NULL DEFAULT 0,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  UNIQUE (project_id, fingerprint)
);

CREATE INDEX issues_project_last_seen ON issues (project_id, last_seen DESC);

CREATE TABLE events (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
  received_at INTEGER NOT NULL,
  occurred_at INTEGER NOT NULL,
  level TEXT NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (project_id, event_id)
);

CREATE INDEX events_issue_received ON events (issue_id, received_at DESC);
