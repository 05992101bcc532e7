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

-- Error events by trace id, to count the errors that share a trace with a transaction.
CREATE TABLE event_traces (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  trace_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, trace_id, event_id)
);

CREATE INDEX event_traces_occurred ON event_traces (project_id, occurred_at);
CREATE INDEX transactions_project_trace ON transactions (project_id, trace_id);
CREATE INDEX transactions_project_time ON transactions (project_id, timestamp);
