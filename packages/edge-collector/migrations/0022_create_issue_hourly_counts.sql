-- Events per issue per hour, for graphs. hour = start of the hour, seconds since the epoch.
CREATE TABLE issue_hourly_counts (
  issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
  hour INTEGER NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (issue_id, hour)
) WITHOUT ROWID;
