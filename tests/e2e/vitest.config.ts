import { defineConfig } from 'vitest/config';

// End-to-end tests: real wrangler dev, real local D1, real headless Chromium
// and the official Sentry SDKs. One shared collector is started once.
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./harness/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
