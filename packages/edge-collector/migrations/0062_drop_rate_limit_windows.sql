-- Rate limits moved to a Durable Object per project (ProjectRateLimiter): the edge
-- no longer writes a D1 row per event to take quota.
DROP TABLE rate_limit_windows;
