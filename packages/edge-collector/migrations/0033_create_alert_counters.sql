-- What threshold triggers count that the issues and events tables do not answer cheaply.

-- Distinct users of an issue, with when each was last seen (for "more than N users in M
-- minutes"); rows older than the longest window are deleted by the cron.
CREATE TABLE alert_issue_users (
  issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
  user_key TEXT NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (issue_id, user_key)
);

CREATE INDEX alert_issue_users_seen ON alert_issue_users (issue_id, last_seen);

-- The first event of each release (for "the first event of a new release").
CREATE TABLE alert_releases (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  release TEXT NOT NULL,
  first_event_id TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  PRIMARY KEY (project_id, release)
);

-- A project's events in a time window (for spikes).
CREATE INDEX events_project_received ON events (project_id, received_at);
