import { applyD1Migrations, env } from 'cloudflare:test';

// Applies only what is not applied yet, so running once per test file is safe.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
