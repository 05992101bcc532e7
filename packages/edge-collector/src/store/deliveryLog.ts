// SQL for what the API shows of deliveries, test deliveries, and cleaning up old rows.

export interface DeliveryLogEntry {
  id: number;
  deliveryId: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: number | null;
  nextAttemptAt: number;
  deliveredAt: number | null;
  createdAt: number;
  trigger: string;
  ruleId: number | null;
  ruleName: string;
  issueId: number | null;
  eventId: string | null;
}

/** The newest deliveries to one webhook. */
export async function selectDeliveryLog(
  db: D1Database,
  webhookId: number,
  limit = 100,
): Promise<DeliveryLogEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT d.id, d.delivery_id AS deliveryId, d.status, d.attempts,
         d.last_status AS lastStatus, d.last_error AS lastError,
         d.last_attempt_at AS lastAttemptAt, d.next_attempt_at AS nextAttemptAt,
         d.delivered_at AS deliveredAt, d.created_at AS createdAt, a.trigger,
         a.rule_id AS ruleId, a.rule_name AS ruleName, a.issue_id AS issueId,
         a.event_id AS eventId
       FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
       WHERE d.webhook_id = ? ORDER BY d.id DESC LIMIT ?`,
    )
    .bind(webhookId, limit)
    .all<DeliveryLogEntry>();
  return results;
}

/** A test alert for one webhook, due now; returns its delivery row id. */
export async function insertTestDelivery(
  db: D1Database,
  input: { projectId: number; webhookId: number; now: number },
): Promise<number> {
  const results = await db.batch<{ id: number }>([
    db
      .prepare(
        `INSERT INTO alerts (project_id, rule_id, rule_name, subject_id, trigger, window_key,
           fired_at)
         VALUES (?, NULL, 'Test delivery', 0, 'test', lower(hex(randomblob(16))), ?)`,
      )
      .bind(input.projectId, input.now),
    db
      .prepare(
        `INSERT INTO alert_deliveries (alert_id, webhook_id, delivery_id, next_attempt_at,
           created_at)
         VALUES (last_insert_rowid(), ?1, lower(hex(randomblob(16))), ?2, ?2) RETURNING id`,
      )
      .bind(input.webhookId, input.now),
  ]);
  const id = results[1]?.results[0]?.id;
  if (id === undefined) throw new Error('D1 did not return the test delivery');
  return id;
}

/**
 * Forgets what no rule needs any more: users seen before the longest window, and
 * alerts (with their delivery log) older than `keepAlertsMs` with nothing pending.
 */
export async function pruneAlertHistory(
  db: D1Database,
  input: { now: number; maxWindowMs: number; keepAlertsMs: number },
): Promise<void> {
  await db.batch([
    db
      .prepare('DELETE FROM alert_issue_users WHERE last_seen < ?')
      .bind(input.now - input.maxWindowMs),
    db
      .prepare(
        `DELETE FROM alerts WHERE fired_at < ? AND NOT EXISTS (SELECT 1 FROM alert_deliveries d
           WHERE d.alert_id = alerts.id AND d.status = 'pending')`,
      )
      .bind(input.now - input.keepAlertsMs),
  ]);
}
