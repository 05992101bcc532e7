-- Late parts of a streamed segment (@sentry/browser 11's LCP / CLS / INP spans)
-- that arrived before the segment itself: kept here until the segment is stored,
-- then merged into it and deleted. Times are milliseconds since the epoch.
CREATE TABLE pending_segment_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  -- JSON of a SegmentUpdate (src/types/Trace.ts).
  update_json TEXT NOT NULL
);

CREATE INDEX pending_segment_updates_segment ON pending_segment_updates (project_id, trace_id, span_id);
