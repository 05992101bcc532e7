import { consumeIngestBatch } from './consumer/consumeIngestBatch';
import { recordIngestFailures } from './consumer/recordIngestFailures';
import type { Env } from './env';
import { router } from './router';
import { runScheduledJobs } from './scheduled/runScheduledJobs';
import type { IngestMessage } from './types/IngestMessage';

export { ProjectRateLimiter } from './ratelimit/ProjectRateLimiter';

/** The dead-letter queue's name ends so (see wrangler.toml); the ingest queue's does not. */
const DEAD_LETTER_SUFFIX = '-dlq';

export default {
  fetch: (request, env, ctx) => router.fetch(request, env, ctx),
  scheduled: (controller, env, ctx) => {
    ctx.waitUntil(runScheduledJobs(env, controller.scheduledTime));
  },
  queue: (batch, env, ctx) =>
    batch.queue.endsWith(DEAD_LETTER_SUFFIX)
      ? recordIngestFailures(batch, env)
      : consumeIngestBatch(batch, env, ctx),
} satisfies ExportedHandler<Env, IngestMessage>;
