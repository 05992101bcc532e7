import type { Env } from '../env';
import { runAlertJobs } from './alertJobs';
import { runRetention } from './retentionJob';
import { runSourceMapRetention } from './sourceMapRetention';

/**
 * Everything the every-minute cron trigger runs. Each job is independent: one
 * failing is logged and does not stop the others.
 */
export async function runScheduledJobs(env: Env, now: number): Promise<void> {
  const jobs: [string, () => Promise<unknown>][] = [
    ['retention', () => runRetention(env.DB, now)],
    ['alerts', () => runAlertJobs(env, now)],
    ['source maps', () => runSourceMapRetention(env.SOURCEMAPS, env.DB, now)],
  ];
  const results = await Promise.allSettled(jobs.map(([, job]) => job()));
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      console.error(`scheduled job ${jobs[index]?.[0]} failed:`, result.reason);
    }
  });
}
