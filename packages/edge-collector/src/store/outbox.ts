// SQL for the alert outbox: claiming due deliveries, recording attempts, the delivery log.
import { decodePayload } from './payloadCodec';
import type { WebhookFormat } from './webhooks';

/** Everything one delivery attempt needs, read in one query. */
export interface DeliveryJob {
  id: number;
  deliveryId: string;
  attempts: number;
  createdAt: number;
  alert: {
    trigger: string;
    ruleId: number | null;
    ruleName: string;
    ruleTriggers: string | null;
    windowKey: string;
    eventId: string | null;
    firedAt: number;
    suppressedEvents: number;
    observed: number | null;
    /** Cron-evaluated alerts: `{transaction, figures}` as JSON. */
    details?: string | null;
  };
  webhook: { id: number; url: string; format: WebhookFormat; secret: string; origin: string };
  project: { id: number; name: string };
  issue: {
    id: number;
    title: string;
    culprit: string;
    level: string;
    status: string;
    count: number;
    userCount: number;
    firstSeen: number;
    lastSeen: number;
  } | null;
  /** The triggering event as stored, when it still exists. */
  event: Record<string, unknown> | null;
}

interface Claim {
  now: number;
  leaseMs: number;
  limit: number;
  /** Only the deliveries of alerts fired by this event (right after it is stored). */
  event?: { projectId: number; eventId: string };
  /** Only this delivery (a test delivery). */
  deliveryId?: number;
}

/**
 * Takes due deliveries for one attempt: marks them leased until `now + leaseMs` and
 * counts the attempt, in one statement, so two Workers never send the same one.
 */
export async function claimDeliveries(db: D1Database, claim: Claim): Promise<number[]> {
  const { results } = await db
    .prepare(
      `UPDATE alert_deliveries SET lease_until = ?1 + ?2, attempts = attempts + 1,
         last_attempt_at = ?1
       WHERE id IN (SELECT d.id FROM alert_deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= ?1 AND d.lease_until <= ?1
         AND (?4 IS NULL OR d.alert_id IN (SELECT id FROM alerts
           WHERE project_id = ?4 AND event_id = ?5))
         AND (?6 IS NULL OR d.id = ?6)
       ORDER BY d.next_attempt_at LIMIT ?3)
       RETURNING id`,
    )
    .bind(
      claim.now,
      claim.leaseMs,
      claim.limit,
      claim.event?.projectId ?? null,
      claim.event?.eventId ?? null,
      claim.deliveryId ?? null,
    )
    .all<{ id: number }>();
  return results.map((row) => row.id);
}

interface JobRow {
  id: number;
  delivery_id: string;
  attempts: number;
  created_at: number;
  trigger: string;
  rule_id: number | null;
  rule_name: string;
  rule_triggers: string | null;
  window_key: string;
  event_id: string | null;
  fired_at: number;
  suppressed_events: number;
  observed: number | null;
  details: string | null;
  webhook_id: number;
  url: string;
  format: WebhookFormat;
  secret: string;
  dashboard_origin: string;
  project_id: number;
  project_name: string;
  issue_id: number | null;
  title: string | null;
  culprit: string;
  level: string;
  status: string;
  event_count: number;
  user_count: number;
  first_seen: number;
  last_seen: number;
  payload: string | null;
  payload_gzip: ArrayBuffer | null;
}

async function toJob(row: JobRow): Promise<DeliveryJob> {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    attempts: row.attempts,
    createdAt: row.created_at,
    alert: {
      trigger: row.trigger,
      ruleId: row.rule_id,
      ruleName: row.rule_name,
      ruleTriggers: row.rule_triggers,
      windowKey: row.window_key,
      eventId: row.event_id,
      firedAt: row.fired_at,
      suppressedEvents: row.suppressed_events,
      observed: row.observed,
      details: row.details,
    },
    webhook: {
      id: row.webhook_id,
      url: row.url,
      format: row.format,
      secret: row.secret,
      origin: row.dashboard_origin,
    },
    project: { id: row.project_id, name: row.project_name },
    issue:
      row.issue_id === null || row.title === null
        ? null
        : {
            id: row.issue_id,
            title: row.title,
            culprit: row.culprit,
            level: row.level,
            status: row.status,
            count: row.event_count,
            userCount: row.user_count,
            firstSeen: row.first_seen,
            lastSeen: row.last_seen,
          },
    event: row.payload === null ? null : await decodePayload(row.payload, row.payload_gzip),
  };
}

export async function selectDeliveryJobs(db: D1Database, ids: number[]): Promise<DeliveryJob[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT d.id, d.delivery_id, d.attempts, d.created_at,
         a.trigger, a.rule_id, a.rule_name, r.triggers AS rule_triggers, a.window_key,
         a.event_id, a.fired_at, a.suppressed_events, a.observed, a.details,
         w.id AS webhook_id, w.url, w.format, w.secret, w.dashboard_origin,
         p.id AS project_id, p.name AS project_name,
         i.id AS issue_id, i.title, i.culprit, i.level, i.status, i.event_count,
         i.user_count, i.first_seen, i.last_seen, e.payload, e.payload_gzip
       FROM alert_deliveries d
       JOIN alerts a ON a.id = d.alert_id
       JOIN webhooks w ON w.id = d.webhook_id
       JOIN projects p ON p.id = a.project_id
       LEFT JOIN alert_rules r ON r.id = a.rule_id
       LEFT JOIN issues i ON i.id = a.issue_id
       LEFT JOIN events e ON e.project_id = a.project_id AND e.event_id = a.event_id
       WHERE d.id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(ids))
    .all<JobRow>();
  return Promise.all(results.map(toJob));
}

export type DeliveryOutcome =
  | { status: 'delivered'; httpStatus: number | null }
  | {
      status: 'pending' | 'failed';
      httpStatus: number | null;
      error: string;
      nextAttemptAt: number;
    };

/** Records how an attempt went and releases the lease. */
export async function recordDeliveryOutcome(
  db: D1Database,
  id: number,
  outcome: DeliveryOutcome,
  now: number,
): Promise<void> {
  const delivered = outcome.status === 'delivered';
  await db
    .prepare(
      `UPDATE alert_deliveries SET status = ?, last_status = ?, last_error = ?,
         next_attempt_at = ?, delivered_at = ?, lease_until = 0
       WHERE id = ?`,
    )
    .bind(
      outcome.status,
      outcome.httpStatus,
      delivered ? null : outcome.error.slice(0, 500),
      delivered ? now : outcome.nextAttemptAt,
      delivered ? now : null,
      id,
    )
    .run();
}
