import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'browser',
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'happy-dom',
  },
  // The unit tests run the source as the debug build has it (see src/globals.d.ts).
  define: { __DEBUG__: 'true' },
});
