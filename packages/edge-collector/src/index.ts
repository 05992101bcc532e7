import type { Env } from './env';
import { router } from './router';
import { runScheduledJobs } from './scheduled/runScheduledJobs';

export default {
  fetch: (request, env, ctx) => router.fetch(request, env, ctx),
  scheduled: (controller, env, ctx) => {
    ctx.waitUntil(runScheduledJobs(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
