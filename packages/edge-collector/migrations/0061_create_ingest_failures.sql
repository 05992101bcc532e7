-- Ingest queue messages the consumer could not store after every retry, taken from
-- the dead-letter queue with the reason, so nothing accepted is lost silently.
-- Read through GET /api/0/projects/:id/ingest-failures/.
CREATE TABLE ingest_failures (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL,
  message_key TEXT NOT NULL,
  -- The item's event id, when the message held one.
  event_id TEXT,
  reason TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  failed_at INTEGER NOT NULL,
  -- The message as JSON, so it can be inspected or sent again.
  message TEXT NOT NULL,
  UNIQUE (project_id, message_key)
);
