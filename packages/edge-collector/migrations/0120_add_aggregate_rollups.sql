-- Compact performance aggregates and daily rollups (issue 12's answer-time goal).
--
-- 1. Each quantile sketch gets its own column in a dense encoding, the JSON array
--    [zeroCount, offset, count(offset), count(offset + 1), …] ('[0,0]' when empty;
--    see src/insights/quantileSketch.ts), instead of one JSON object keyed
--    `metric:bucket`; the tallies split into the vitals' (`lcp.good`, `lcp.score`…)
--    and the span ops' (`db`, `http`…, formerly `ops.db`…), so a read selects only
--    what it needs. Existing rows are converted in place.
-- 2. transaction_aggregates_daily holds the same sums per UTC day (`day`, seconds),
--    written at ingest beside the hourly row and backfilled here from the hours.

ALTER TABLE transaction_aggregates ADD COLUMN duration TEXT NOT NULL DEFAULT '[0,0]';
ALTER TABLE transaction_aggregates ADD COLUMN lcp TEXT NOT NULL DEFAULT '[0,0]';
ALTER TABLE transaction_aggregates ADD COLUMN inp TEXT NOT NULL DEFAULT '[0,0]';
ALTER TABLE transaction_aggregates ADD COLUMN cls TEXT NOT NULL DEFAULT '[0,0]';
ALTER TABLE transaction_aggregates ADD COLUMN fcp TEXT NOT NULL DEFAULT '[0,0]';
ALTER TABLE transaction_aggregates ADD COLUMN ttfb TEXT NOT NULL DEFAULT '[0,0]';
ALTER TABLE transaction_aggregates ADD COLUMN vital_tallies TEXT NOT NULL DEFAULT '{}';
ALTER TABLE transaction_aggregates ADD COLUMN span_ops TEXT NOT NULL DEFAULT '{}';

CREATE TABLE transaction_aggregates_daily (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  day INTEGER NOT NULL,
  name TEXT NOT NULL,
  op TEXT NOT NULL,
  environment TEXT NOT NULL,
  release TEXT NOT NULL,
  count INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  apdex_satisfied INTEGER NOT NULL,
  apdex_tolerated INTEGER NOT NULL,
  duration_sum REAL NOT NULL,
  duration TEXT NOT NULL DEFAULT '[0,0]',
  lcp TEXT NOT NULL DEFAULT '[0,0]',
  inp TEXT NOT NULL DEFAULT '[0,0]',
  cls TEXT NOT NULL DEFAULT '[0,0]',
  fcp TEXT NOT NULL DEFAULT '[0,0]',
  ttfb TEXT NOT NULL DEFAULT '[0,0]',
  vital_tallies TEXT NOT NULL DEFAULT '{}',
  span_ops TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (project_id, day, name, op, environment, release)
);

-- The summary reads one name over a period, as transaction_aggregates_name does for hours.
CREATE INDEX transaction_aggregates_daily_name ON transaction_aggregates_daily (project_id, name, day);

-- Backfill: the daily sums and tallies of the existing hours.
INSERT INTO transaction_aggregates_daily (project_id, day, name, op, environment, release,
  count, failures, apdex_satisfied, apdex_tolerated, duration_sum, vital_tallies, span_ops)
SELECT project_id, hour / 86400 * 86400 AS d, name, op, environment, release,
  sum(count), sum(failures), sum(apdex_satisfied), sum(apdex_tolerated), sum(duration_sum), '{}', '{}'
FROM transaction_aggregates
GROUP BY project_id, d, name, op, environment, release;

-- Every sketch bucket of every hourly row (bucket NULL: the zero bucket) and its day row.
CREATE TABLE migration_sketch_cells AS
SELECT h.rowid AS hour_row, d.rowid AS day_row,
  substr(j.key, 1, instr(j.key, ':') - 1) AS metric,
  CASE WHEN substr(j.key, instr(j.key, ':') + 1) = 'z' THEN NULL
    ELSE CAST(substr(j.key, instr(j.key, ':') + 1) AS INTEGER) END AS bucket,
  j.value AS n
FROM transaction_aggregates h
JOIN transaction_aggregates_daily d ON d.project_id = h.project_id AND d.day = h.hour / 86400 * 86400
  AND d.name = h.name AND d.op = h.op AND d.environment = h.environment AND d.release = h.release,
  json_each(h.sketches) j;

-- The same cells keyed by row for each table: 'h' hourly rowid, 'd' daily rowid.
CREATE TABLE migration_row_cells AS
SELECT 'h' AS grain, hour_row AS row, metric, bucket, sum(n) AS n FROM migration_sketch_cells
GROUP BY hour_row, metric, bucket
UNION ALL
SELECT 'd', day_row, metric, bucket, sum(n) FROM migration_sketch_cells
GROUP BY day_row, metric, bucket;
CREATE INDEX migration_row_cells_key ON migration_row_cells (grain, row, metric, bucket);

-- The dense encoding of each row's metric: its buckets from the lowest to the highest,
-- zeros between (hex(zeroblob(n)) makes a JSON array of n zeros: a series 0…n−1).
CREATE TABLE migration_dense AS
SELECT r.grain, r.row, r.metric, '[' || r.zero || ',' || coalesce(r.lo || ',' || (
    SELECT group_concat(coalesce(c.n, 0), ',')
    FROM json_each('[' || substr(replace(hex(zeroblob(r.hi - r.lo + 1)), '00', '0,'), 1,
      2 * (r.hi - r.lo + 1) - 1) || ']') s
    LEFT JOIN migration_row_cells c ON c.grain = r.grain AND c.row = r.row
      AND c.metric = r.metric AND c.bucket = r.lo + s.key), '0') || ']' AS encoded
FROM (SELECT grain, row, metric, sum(CASE WHEN bucket IS NULL THEN n ELSE 0 END) AS zero,
    min(bucket) AS lo, max(bucket) AS hi
  FROM migration_row_cells GROUP BY grain, row, metric) r;
CREATE INDEX migration_dense_key ON migration_dense (grain, row, metric);

UPDATE transaction_aggregates SET
  duration = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'h'
    AND row = transaction_aggregates.rowid AND metric = 'duration'), '[0,0]'),
  lcp = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'h'
    AND row = transaction_aggregates.rowid AND metric = 'lcp'), '[0,0]'),
  inp = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'h'
    AND row = transaction_aggregates.rowid AND metric = 'inp'), '[0,0]'),
  cls = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'h'
    AND row = transaction_aggregates.rowid AND metric = 'cls'), '[0,0]'),
  fcp = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'h'
    AND row = transaction_aggregates.rowid AND metric = 'fcp'), '[0,0]'),
  ttfb = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'h'
    AND row = transaction_aggregates.rowid AND metric = 'ttfb'), '[0,0]'),
  vital_tallies = (SELECT json_group_object(key, value) FROM json_each(tallies)
    WHERE key NOT LIKE 'ops.%'),
  span_ops = (SELECT json_group_object(substr(key, 5), value) FROM json_each(tallies)
    WHERE key LIKE 'ops.%');

UPDATE transaction_aggregates_daily SET
  duration = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'd'
    AND row = transaction_aggregates_daily.rowid AND metric = 'duration'), '[0,0]'),
  lcp = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'd'
    AND row = transaction_aggregates_daily.rowid AND metric = 'lcp'), '[0,0]'),
  inp = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'd'
    AND row = transaction_aggregates_daily.rowid AND metric = 'inp'), '[0,0]'),
  cls = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'd'
    AND row = transaction_aggregates_daily.rowid AND metric = 'cls'), '[0,0]'),
  fcp = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'd'
    AND row = transaction_aggregates_daily.rowid AND metric = 'fcp'), '[0,0]'),
  ttfb = coalesce((SELECT encoded FROM migration_dense WHERE grain = 'd'
    AND row = transaction_aggregates_daily.rowid AND metric = 'ttfb'), '[0,0]'),
  vital_tallies = coalesce((SELECT json_group_object(key, total) FROM (
    SELECT j.key, sum(j.value) AS total FROM transaction_aggregates h, json_each(h.tallies) j
    WHERE h.project_id = transaction_aggregates_daily.project_id
      AND h.hour >= transaction_aggregates_daily.day AND h.hour < transaction_aggregates_daily.day + 86400
      AND h.name = transaction_aggregates_daily.name AND h.op = transaction_aggregates_daily.op
      AND h.environment = transaction_aggregates_daily.environment
      AND h.release = transaction_aggregates_daily.release AND j.key NOT LIKE 'ops.%'
    GROUP BY j.key)), '{}'),
  span_ops = coalesce((SELECT json_group_object(substr(key, 5), total) FROM (
    SELECT j.key, sum(j.value) AS total FROM transaction_aggregates h, json_each(h.tallies) j
    WHERE h.project_id = transaction_aggregates_daily.project_id
      AND h.hour >= transaction_aggregates_daily.day AND h.hour < transaction_aggregates_daily.day + 86400
      AND h.name = transaction_aggregates_daily.name AND h.op = transaction_aggregates_daily.op
      AND h.environment = transaction_aggregates_daily.environment
      AND h.release = transaction_aggregates_daily.release AND j.key LIKE 'ops.%'
    GROUP BY j.key)), '{}');

DROP TABLE migration_dense;
DROP TABLE migration_row_cells;
DROP TABLE migration_sketch_cells;

ALTER TABLE transaction_aggregates DROP COLUMN sketches;
ALTER TABLE transaction_aggregates DROP COLUMN tallies;
