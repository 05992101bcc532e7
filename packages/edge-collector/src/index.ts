import type { Env } from './env';
import { runScheduledJobs } from './jobs/runScheduledJobs';
import { router } from './router';

export default {
  fetch: (request, env, ctx) => router.fetch(request, env, ctx),
  scheduled: (_controller, env, ctx) => runScheduledJobs(env, ctx),
} satisfies ExportedHandler<Env>;
