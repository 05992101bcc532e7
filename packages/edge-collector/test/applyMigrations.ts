import { applyD1Migrations, env } from 'cloudflare:test';
import { allDatabases } from '../src/databases/databaseBindings';

// Applies only what is not applied yet, so running once per test file is safe; every
// D1 binding gets the same schema (vitest.config.ts declares `DB` and `DB_2`).
for (const db of allDatabases(env)) await applyD1Migrations(db, env.TEST_MIGRATIONS);
