-- When the every-minute cron ended an issue's time-based ignore (ms), until the issue's
-- next event: that event then reports the 'unignored' transition (and fires
-- ignored_until_met alerts) just as if it had arrived after the time with no cron in
-- between. Cleared by that event and by any status change.
ALTER TABLE issues ADD COLUMN ignore_expired_at INTEGER;
