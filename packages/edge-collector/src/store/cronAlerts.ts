// SQL for alert triggers the cron evaluates from aggregates (performance_regression,
// error_rate): their rules, releases' spans, and firing with the rule's throttle.
import type { AlertRule } from '../types/AlertRule';

/** Enabled rules with at least one cron-evaluated trigger, all projects. */
export async function selectCronRules(db: D1Database): Promise<AlertRule[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM alert_rules r WHERE enabled = 1 AND EXISTS (
         SELECT 1 FROM json_each(r.triggers) t
         WHERE json_extract(t.value, '$.type') IN ('performance_regression', 'error_rate'))
       ORDER BY id`,
    )
    .all<{
      id: number;
      project_id: number;
      name: string;
      triggers: string;
      filters: string;
      throttle_ms: number;
      webhook_ids: string | null;
    }>();
  return results.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    enabled: true,
    triggers: JSON.parse(row.triggers),
    filters: JSON.parse(row.filters),
    throttleMs: row.throttle_ms,
    webhookIds: row.webhook_ids === null ? null : JSON.parse(row.webhook_ids),
  }));
}

/** When a release was first and last seen (hour starts, seconds) in the aggregates. */
export interface ReleaseSpan {
  release: string;
  firstHour: number;
  lastHour: number;
}

export async function selectReleaseSpans(
  db: D1Database,
  projectId: number,
  environment: string | null,
): Promise<ReleaseSpan[]> {
  const { results } = await db
    .prepare(
      `SELECT release, min(hour) AS first_hour, max(hour) AS last_hour
       FROM transaction_aggregates
       WHERE project_id = ? AND release <> '' AND (? IS NULL OR environment = ?)
       GROUP BY release`,
    )
    .bind(projectId, environment, environment)
    .all<{ release: string; first_hour: number; last_hour: number }>();
  return results.map((row) => ({
    release: row.release,
    firstHour: row.first_hour,
    lastHour: row.last_hour,
  }));
}

export interface CronAlert {
  projectId: number;
  rule: { id: number; name: string; throttleMs: number };
  trigger: string;
  /** The transaction it is about; '' for project-wide (error_rate). */
  transaction: string;
  details: Record<string, unknown>;
  now: number;
}

/**
 * Fires an alert unless the rule alerted for the same trigger and transaction
 * within its throttle, and queues one delivery per webhook of the rule, in one
 * batch. Returns whether it fired.
 */
export async function fireCronAlert(db: D1Database, alert: CronAlert): Promise<boolean> {
  const windowKey = `${alert.transaction}@${alert.now}`;
  const [fired] = await db.batch([
    db
      .prepare(
        `INSERT OR IGNORE INTO alerts (project_id, rule_id, rule_name, subject_id, issue_id,
           trigger, window_key, event_id, fired_at, details)
         SELECT ?1, ?2, ?3, 0, NULL, ?4, ?5, NULL, ?6, ?7
         WHERE NOT EXISTS (SELECT 1 FROM alerts a
           WHERE a.rule_id = ?2 AND a.subject_id = 0 AND a.trigger = ?4
             AND json_extract(a.details, '$.transaction') = ?8 AND a.fired_at > ?6 - ?9)`,
      )
      .bind(
        alert.projectId,
        alert.rule.id,
        alert.rule.name,
        alert.trigger,
        windowKey,
        alert.now,
        JSON.stringify({ ...alert.details, transaction: alert.transaction }),
        alert.transaction,
        alert.rule.throttleMs,
      ),
    db
      .prepare(
        `INSERT OR IGNORE INTO alert_deliveries (alert_id, webhook_id, delivery_id,
           next_attempt_at, created_at)
         SELECT a.id, w.id, lower(hex(randomblob(16))), ?3, ?3
         FROM alerts a
         JOIN alert_rules r ON r.id = a.rule_id
         JOIN webhooks w ON w.project_id = a.project_id
         WHERE a.rule_id = ?1 AND a.window_key = ?2 AND a.trigger = ?4
           AND (r.webhook_ids IS NULL OR w.id IN (SELECT value FROM json_each(r.webhook_ids)))`,
      )
      .bind(alert.rule.id, windowKey, alert.now, alert.trigger),
  ]);
  return (fired?.meta.changes ?? 0) > 0;
}
