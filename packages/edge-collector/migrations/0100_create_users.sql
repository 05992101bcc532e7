-- People who sign in to the dashboard. The password is PBKDF2-SHA256 with a per-user
-- salt; the iteration count is stored so it can be raised later without a reset.
-- failed_logins and locked_until slow down, then lock, guessing at one account.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  -- admin | member
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  password_salt TEXT NOT NULL,
  password_iterations INTEGER NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL
);
