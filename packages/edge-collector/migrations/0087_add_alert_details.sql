-- What a cron-evaluated alert (performance_regression, error_rate) is about: the
-- transaction (if one) and its figures, as JSON. NULL for alerts fired by an event.
ALTER TABLE alerts ADD COLUMN details TEXT;
