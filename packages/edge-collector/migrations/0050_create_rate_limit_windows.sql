-- The rate limiter's counter: items admitted per project, category and minute.
-- Kept apart from project_outcomes so that `accepted` there counts only what
-- was stored, while quota is taken when an item is admitted (as Relay does).
-- Only the current minute matters; older rows are deleted as a new minute starts.
CREATE TABLE rate_limit_windows (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  -- Start of the minute, milliseconds since the epoch.
  minute INTEGER NOT NULL,
  -- The counter: error (errors, default and security) or transaction.
  category TEXT NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, minute, category)
) WITHOUT ROWID;
