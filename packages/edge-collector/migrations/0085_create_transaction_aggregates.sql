-- Performance aggregates: one row per project × transaction name × op ×
-- environment × release × hour, merged by adding. `sketches` holds sparse
-- quantile-sketch buckets keyed `metric:bucket` (duration and web vitals,
-- 1 % relative error); `tallies` holds sums keyed `lcp.good`, `lcp.score`,
-- `ops.db`… Aggregates outlive the raw transactions (retention).
CREATE TABLE transaction_aggregates (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  hour INTEGER NOT NULL,
  name TEXT NOT NULL,
  op TEXT NOT NULL,
  environment TEXT NOT NULL,
  release TEXT NOT NULL,
  count INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  apdex_satisfied INTEGER NOT NULL,
  apdex_tolerated INTEGER NOT NULL,
  duration_sum REAL NOT NULL,
  sketches TEXT NOT NULL DEFAULT '{}',
  tallies TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (project_id, hour, name, op, environment, release)
);

CREATE INDEX transaction_aggregates_name ON transaction_aggregates (project_id, name, hour);

-- Error events with what performance views and alerts ask of them: the trace they
-- belong to (NULL when none), environment, level, time. For "errors sharing a trace
-- with a transaction" and the error_rate alert trigger.
CREATE TABLE event_index (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  trace_id TEXT,
  environment TEXT NOT NULL,
  level TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, event_id)
);

CREATE INDEX event_index_trace ON event_index (project_id, trace_id) WHERE trace_id IS NOT NULL;
CREATE INDEX event_index_occurred ON event_index (project_id, occurred_at);
