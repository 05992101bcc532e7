import type { D1Migration } from 'cloudflare:test';
import type { Env as WorkerEnv } from '../src/env';

// Types `env` from `cloudflare:test`: the Worker's bindings plus the migrations
// that vitest.config.ts passes in for the setup file.
declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      /** Sends only to ops@example.com (vitest.config.ts). */
      EMAIL_OPS_ONLY: SendEmail;
    }
  }
}
