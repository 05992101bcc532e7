-- Events are stored gzip-compressed in payload_gzip (payload is then ''), and found
-- by id alone for GET /api/0/events/:eventId/, and by age for the retention cleanup.
ALTER TABLE events ADD COLUMN payload_gzip BLOB;
CREATE INDEX events_event_id ON events (event_id);
CREATE INDEX events_project_received ON events (project_id, received_at);
