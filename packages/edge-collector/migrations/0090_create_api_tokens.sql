-- Tokens for tools (sentry-cli, Sentry's bundler plugins): created with the admin token,
-- shown once and stored as the SHA-256 of the token. `projects` is a JSON list of project
-- ids the token may upload for, or NULL for every project.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  -- The token's first characters, so a list tells tokens apart without revealing them.
  token_hint TEXT NOT NULL,
  scopes TEXT NOT NULL,
  projects TEXT,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER
);
