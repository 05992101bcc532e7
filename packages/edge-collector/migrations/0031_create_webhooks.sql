-- Alert destinations: a generic signed JSON webhook, a Slack or a Discord incoming webhook.
CREATE TABLE webhooks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  -- json | slack | discord
  format TEXT NOT NULL,
  -- HMAC-SHA256 key for the X-Faultline-Signature header.
  secret TEXT NOT NULL,
  -- Origin the webhook was registered through: links in alerts point there unless
  -- FAULTLINE_PUBLIC_URL says otherwise.
  dashboard_origin TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE INDEX webhooks_project ON webhooks (project_id);
