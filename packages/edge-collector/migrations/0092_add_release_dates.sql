-- Release dates as sentry-cli and Sentry's bundler plugins set them (`releases new`,
-- `releases finalize`); a release created that way gets its row (and its place in the
-- release order) before its first event.
ALTER TABLE releases ADD COLUMN date_started INTEGER;
ALTER TABLE releases ADD COLUMN date_released INTEGER;
