-- Alerts and their deliveries. An alert row is written in the same D1 batch as the event
-- that fired it; its UNIQUE key makes each trigger fire once per issue and window even when
-- many events race. Each alert fans out to one delivery row per webhook: the outbox that
-- waitUntil and the cron drain, and the delivery log the API shows.
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  rule_id INTEGER REFERENCES alert_rules (id) ON DELETE SET NULL,
  rule_name TEXT NOT NULL,
  -- The issue the alert is about (0 for project-wide triggers: spike, new release, test).
  subject_id INTEGER NOT NULL,
  issue_id INTEGER REFERENCES issues (id) ON DELETE CASCADE,
  trigger TEXT NOT NULL,
  -- What makes this firing distinct: '' for a new issue, the release for a new release,
  -- the firing time for repeating triggers (frequency, users, spike).
  window_key TEXT NOT NULL,
  event_id TEXT,
  fired_at INTEGER NOT NULL,
  -- The issue's event count when this alert fired: the next alert says how many came since.
  events_at_fire INTEGER NOT NULL DEFAULT 0,
  suppressed_events INTEGER NOT NULL DEFAULT 0,
  -- For threshold triggers: what was counted in the window when the alert fired.
  observed INTEGER,
  UNIQUE (rule_id, subject_id, trigger, window_key)
);

CREATE INDEX alerts_rule_subject_fired ON alerts (rule_id, subject_id, fired_at DESC);
CREATE INDEX alerts_project_event ON alerts (project_id, event_id);

CREATE TABLE alert_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  webhook_id INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  -- Sent as X-Faultline-Delivery, the same on every attempt, so receivers can dedupe.
  delivery_id TEXT NOT NULL,
  -- pending | delivered | failed
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  -- A worker that claims a delivery holds it until then; a crash only delays it.
  lease_until INTEGER NOT NULL DEFAULT 0,
  last_attempt_at INTEGER,
  last_status INTEGER,
  last_error TEXT,
  delivered_at INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (alert_id, webhook_id)
);

CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_at);
CREATE INDEX alert_deliveries_webhook ON alert_deliveries (webhook_id, id DESC);
