-- Per issue, how often each tag value was seen (browser, os, device, url, release,
-- environment, user, server_name). Rows of key 'user' also count distinct users.
CREATE TABLE issue_tag_values (
  issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  times_seen INTEGER NOT NULL DEFAULT 0,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (issue_id, key, value)
) WITHOUT ROWID;

CREATE INDEX issue_tag_values_top ON issue_tag_values (issue_id, key, times_seen DESC);
-- Issue filters by release and environment.
CREATE INDEX issue_tag_values_value ON issue_tag_values (key, value);
