-- One trace model (see src/types/Trace.ts): a transaction row keeps its segment
-- (root span id, parent span id, and the segment JSON with its spans, gzip) so a
-- whole trace is read back by trace id. Error events keep the trace id they carry.
ALTER TABLE transactions ADD COLUMN span_id TEXT NOT NULL DEFAULT '';
ALTER TABLE transactions ADD COLUMN parent_span_id TEXT;
ALTER TABLE transactions ADD COLUMN segment_gzip BLOB;
CREATE INDEX transactions_project_trace ON transactions (project_id, trace_id, span_id);
ALTER TABLE events ADD COLUMN trace_id TEXT;
CREATE INDEX events_project_trace ON events (project_id, trace_id) WHERE trace_id IS NOT NULL;
