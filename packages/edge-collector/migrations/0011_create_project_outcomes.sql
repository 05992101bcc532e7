-- What happened to what clients sent, per project and minute: accepted,
-- filtered (reason = the filter), rate_limited, invalid, client_discarded
-- (from SDK client reports) and received (items that are only counted).
-- The `accepted` rows of the current minute are also the rate limiter's counter.
CREATE TABLE project_outcomes (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  -- Start of the minute, milliseconds since the epoch.
  minute INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  -- Data category as in Sentry's rate limits: error, transaction, security, session, span…
  category TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  quantity INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, minute, outcome, category, reason)
) WITHOUT ROWID;
