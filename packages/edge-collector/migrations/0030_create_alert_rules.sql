-- Alert rules: when to alert (triggers), on what (filters), how often (throttle) and
-- where (webhooks). See src/alerts/AlertRule.ts for the JSON shapes.
CREATE TABLE alert_rules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  -- JSON array of {type, threshold?, windowMinutes?}; the rule fires when any matches.
  triggers TEXT NOT NULL,
  -- JSON object: {level?, environment?, release?, tags?, issueAge?}.
  filters TEXT NOT NULL DEFAULT '{}',
  -- At most one alert per issue (per project for a spike) in this many milliseconds.
  throttle_ms INTEGER NOT NULL DEFAULT 1800000,
  -- JSON array of webhook ids, or NULL for every webhook of the project.
  webhook_ids TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE INDEX alert_rules_project ON alert_rules (project_id);

-- Projects created before alerts existed get the default rule new projects get.
INSERT INTO alert_rules (project_id, name, triggers, created_at, updated_at)
SELECT id, 'New issues and regressions', '[{"type":"new_issue"},{"type":"regression"}]',
  created_at, created_at
FROM projects;
