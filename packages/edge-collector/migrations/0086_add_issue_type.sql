-- Issue types: 'error' (every issue so far) or a performance issue type
-- ('performance_n_plus_one'); `evidence` holds the latest event's evidence
-- (JSON) for performance issues.
ALTER TABLE issues ADD COLUMN type TEXT NOT NULL DEFAULT 'error';
ALTER TABLE issues ADD COLUMN evidence TEXT;
