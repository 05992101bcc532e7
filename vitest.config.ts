import { defineConfig } from 'vitest/config';

// Every test in the repo, as vitest projects: the SDK's unit tests, the
// collector's tests inside workerd, and the end-to-end tests.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'tests/e2e/vitest.config.ts'],
  },
});
