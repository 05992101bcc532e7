import { allDatabases } from '../databases/databaseBindings';
import type { Env } from '../env';
import { runAlertJobs } from './alertJobs';
import { runPerformanceAlerts } from './performanceAlertJob';
import { runRetention } from './retentionJob';
import { runSourceMapRetention } from './sourceMapRetention';

/** Runs a job on each database in turn (one at a time: the cron shares them with ingestion). */
async function forEachDatabase(env: Env, job: (db: D1Database) => Promise<unknown>): Promise<void> {
  for (const db of allDatabases(env)) await job(db);
}

/**
 * Everything the every-minute cron trigger runs. Each job is independent: one
 * failing is logged and does not stop the others.
 */
export async function runScheduledJobs(env: Env, now: number): Promise<void> {
  const jobs: [string, () => Promise<unknown>][] = [
    ['retention', () => forEachDatabase(env, (db) => runRetention(db, now))],
    ['alerts', () => runAlertJobs(env, now)],
    ['performance alerts', () => runPerformanceAlerts(env, now)],
    [
      'source maps',
      () => forEachDatabase(env, (db) => runSourceMapRetention(env.SOURCEMAPS, db, now)),
    ],
  ];
  const results = await Promise.allSettled(jobs.map(([, job]) => job()));
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      console.error(`scheduled job ${jobs[index]?.[0]} failed:`, result.reason);
    }
  });
}
