-- Performance transactions sent as envelope `transaction` items, kept for the
-- performance views. Times are milliseconds since the epoch; the payload is
-- the processed transaction JSON (trimmed to fit a D1 row).
CREATE TABLE transactions (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  name TEXT NOT NULL,
  op TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  trace_id TEXT NOT NULL DEFAULT '',
  start_timestamp INTEGER NOT NULL,
  timestamp INTEGER NOT NULL,
  duration_ms REAL NOT NULL,
  release TEXT,
  environment TEXT,
  -- JSON object: name → {value, unit}; {} when the SDK sent none.
  measurements TEXT NOT NULL DEFAULT '{}',
  received_at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (project_id, event_id)
);

CREATE INDEX transactions_project_name_time ON transactions (project_id, name, timestamp DESC);
CREATE INDEX transactions_project_received ON transactions (project_id, received_at DESC);
