import type { Env } from '../env';
import { claimDeliveries, recordDeliveryOutcome, selectDeliveryJobs } from '../store/outbox';
import { attemptDelivery, DELIVERY_TIMEOUT_MS } from './attemptDelivery';
import { DEFAULT_RETRY_BASE_MS } from './retrySchedule';

/** Deliveries taken at once; each round is one claim, one read and parallel requests. */
const BATCH_SIZE = 10;
/** Longer than an attempt can take, so a lease only lapses when its Worker died. */
const LEASE_MS = DELIVERY_TIMEOUT_MS * 3;

export interface DeliverScope {
  /** Only the alerts this event fired (right after it is stored); else everything due. */
  event?: { projectId: number; eventId: string };
  /** Only this delivery (a test delivery). */
  deliveryId?: number;
  /** Stop after this many rounds (the cron's bound, so one run cannot go on forever). */
  maxRounds?: number;
}

function retryBaseMs(env: Env): number {
  const seconds = Number(env.FAULTLINE_ALERT_RETRY_BASE_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_RETRY_BASE_MS;
}

/**
 * Sends due deliveries from the outbox of one database (`db`) and records each outcome.
 * Safe to run from many Workers at once: a delivery is claimed before it is sent.
 * @returns how many deliveries were attempted.
 */
export async function deliverAlerts(
  env: Env,
  db: D1Database,
  scope: DeliverScope = {},
): Promise<number> {
  let attempted = 0;
  for (let round = 0; round < (scope.maxRounds ?? 1); round++) {
    const now = Date.now();
    const ids = await claimDeliveries(db, {
      now,
      leaseMs: LEASE_MS,
      limit: BATCH_SIZE,
      event: scope.event,
      deliveryId: scope.deliveryId,
    });
    if (ids.length === 0) break;
    const jobs = await selectDeliveryJobs(db, ids);
    await Promise.all(
      jobs.map(async (job) => {
        const options = {
          mode: env.FAULTLINE_MODE,
          publicUrl: env.FAULTLINE_PUBLIC_URL,
          retryBaseMs: retryBaseMs(env),
          now,
          email: { binding: env.EMAIL, from: env.FAULTLINE_EMAIL_FROM },
        };
        const outcome = await attemptDelivery(job, options);
        await recordDeliveryOutcome(db, job.id, outcome, Date.now());
      }),
    );
    attempted += jobs.length;
    if (ids.length < BATCH_SIZE) break;
  }
  return attempted;
}
