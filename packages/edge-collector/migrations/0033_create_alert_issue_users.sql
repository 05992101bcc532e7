-- Distinct users of an issue with when each was last seen, for "more than N users in M
-- minutes" (issues.user_count counts all time). Rows older than the longest window are
-- deleted by the cron. A project's events in a window are counted with the
-- events_project_received index (0023), the first event of a release from `releases` (0020).
CREATE TABLE alert_issue_users (
  issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
  user_key TEXT NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (issue_id, user_key)
);

CREATE INDEX alert_issue_users_seen ON alert_issue_users (issue_id, last_seen);
