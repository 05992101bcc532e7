import { deliverAlerts } from '../alerts/deliverAlerts';
import { allDatabases } from '../databases/databaseBindings';
import type { Env } from '../env';
import { pruneAlertHistory } from '../store/deliveryLog';
import { MAX_WINDOW_MINUTES } from '../types/AlertRule';

/** Alerts and their delivery log are kept this long. */
const KEEP_ALERTS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * In every database: retries alert deliveries still pending whose time has come (at
 * most 20 rounds of 10 a minute), then forgets users older than the longest window and
 * old alerts.
 */
export async function runAlertJobs(env: Env, now: number): Promise<void> {
  for (const db of allDatabases(env)) {
    await deliverAlerts(env, db, { maxRounds: 20 });
    await pruneAlertHistory(db, {
      now,
      maxWindowMs: MAX_WINDOW_MINUTES * 60_000,
      keepAlertsMs: KEEP_ALERTS_MS,
    });
  }
}
