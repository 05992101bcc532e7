import { join } from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Collector tests run inside workerd with the Worker's real bindings and a
// local D1 that a setup file migrates.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(join(import.meta.dirname, 'migrations'));
  return {
    plugins: [
      cloudflareTest({
        main: './src/index.ts',
        wrangler: { configPath: '../../wrangler.toml' },
        miniflare: {
          // Batches as wrangler.toml has them, but flushed sooner: tests wait on each send.
          queueConsumers: {
            'faultline-ingest': {
              maxBatchSize: 100,
              maxBatchTimeout: 0.05,
              maxRetries: 2,
              deadLetterQueue: 'faultline-ingest-dlq',
            },
            'faultline-ingest-dlq': { maxBatchSize: 100, maxBatchTimeout: 0.05 },
          },
          // wrangler.toml's EMAIL (this option replaces the list), and a binding that
          // refuses all but one address, as Cloudflare refuses unverified addresses.
          email: {
            send_email: [
              { name: 'EMAIL' },
              { name: 'EMAIL_OPS_ONLY', allowed_destination_addresses: ['ops@example.com'] },
            ],
          },
          // A second database (as a deployment with `DB_2` has), migrated like the first.
          // New projects stay on `DB` unless a test places them: most tests read `env.DB`.
          d1Databases: { DB: 'faultline', DB_2: 'faultline-2' },
          bindings: {
            TEST_MIGRATIONS: migrations,
            FAULTLINE_NEW_PROJECT_DATABASES: 'DB',
            FAULTLINE_ADMIN_TOKEN: 'test-admin-token',
            FAULTLINE_MODE: 'local',
          },
        },
      }),
    ],
    test: {
      name: 'collector',
      include: ['test/**/*.test.ts'],
      setupFiles: ['./test/applyMigrations.ts'],
      // Ingest tests wait for the queue consumer after each send; the machine may be loaded.
      testTimeout: 30_000,
      // One test file at a time: files share the local ingest queue, and a batch
      // consumed in another file's isolate would land in that file's storage.
      fileParallelism: false,
    },
  };
});
