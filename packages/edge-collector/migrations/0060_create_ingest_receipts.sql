-- One row per ingest queue message stored: a redelivered message (the queue delivers
-- at least once) finds its receipt and counts its outcomes nothing twice. Events and
-- transactions are idempotent by their own event id; receipts cover outcome counts.
-- The cron deletes receipts older than the queue keeps messages.
CREATE TABLE ingest_receipts (
  project_id INTEGER NOT NULL,
  -- The message's key: its item's event id, or a random id for outcome counts alone.
  message_key TEXT NOT NULL,
  -- When the edge received it, milliseconds since the epoch.
  received_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, message_key)
) WITHOUT ROWID;

CREATE INDEX ingest_receipts_received_at ON ingest_receipts (received_at);
