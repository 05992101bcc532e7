-- A deleted issue stays as a hidden row until the cron has removed its events in
-- bounded batches: events, tag values, hourly counts and alerts reference issues
-- ON DELETE CASCADE, so deleting the row at once would delete every event of a large
-- issue in one statement. Its fingerprint is renamed, so new events open a new issue.
ALTER TABLE issues ADD COLUMN deleted_at INTEGER;
CREATE INDEX issues_deleted ON issues (deleted_at) WHERE deleted_at IS NOT NULL;

-- Deleting an issue's alerts, and the cascade from issues to alerts, find them by issue.
CREATE INDEX alerts_issue ON alerts (issue_id);
