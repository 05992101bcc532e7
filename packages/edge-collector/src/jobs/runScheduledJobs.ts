import { MAX_WINDOW_MINUTES } from '../alerts/AlertRule';
import { deliverAlerts } from '../alerts/deliverAlerts';
import type { Env } from '../env';
import { pruneAlertHistory } from '../store/deliveryLog';

/** Alerts and their delivery log are kept this long. */
const KEEP_ALERTS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * What the cron trigger (every minute, see wrangler.toml) runs. `npm start` calls it
 * every minute too, since `wrangler dev` runs no crons by itself.
 */
export async function runScheduledJobs(env: Env, _ctx: ExecutionContext): Promise<void> {
  // Retries of alert deliveries: at most 20 rounds of 10 per minute.
  await deliverAlerts(env, { maxRounds: 20 });
  await pruneAlertHistory(env.DB, {
    now: Date.now(),
    maxWindowMs: MAX_WINDOW_MINUTES * 60_000,
    keepAlertsMs: KEEP_ALERTS_MS,
  });
}
