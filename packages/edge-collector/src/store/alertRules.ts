// SQL for alert rules.

import type { AlertRuleInput } from '../alerts/parseAlertRule';
import type { AlertRule } from '../types/AlertRule';

interface AlertRuleRow {
  id: number;
  project_id: number;
  name: string;
  enabled: number;
  triggers: string;
  filters: string;
  throttle_ms: number;
  webhook_ids: string | null;
}

function toRule(row: AlertRuleRow): AlertRule {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    enabled: row.enabled === 1,
    triggers: JSON.parse(row.triggers),
    filters: JSON.parse(row.filters),
    throttleMs: row.throttle_ms,
    webhookIds: row.webhook_ids === null ? null : JSON.parse(row.webhook_ids),
  };
}

export const DEFAULT_RULE_NAME = 'New issues and regressions';
const DEFAULT_RULE_TRIGGERS = '[{"type":"new_issue"},{"type":"regression"}]';

/**
 * The default rule of a new project (a new issue or a regression → every webhook),
 * as a statement for the batch that creates the project, found by its first key.
 */
export function insertDefaultRuleStatement(
  db: D1Database,
  publicKey: string,
  now: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO alert_rules (project_id, name, triggers, created_at, updated_at)
       SELECT project_id, ?, ?, ?3, ?3 FROM project_keys WHERE public_key = ?4`,
    )
    .bind(DEFAULT_RULE_NAME, DEFAULT_RULE_TRIGGERS, now, publicKey);
}

/** The same default rule for a project created already, in the database holding its data. */
export function insertDefaultRuleForProjectStatement(
  db: D1Database,
  projectId: number,
  now: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO alert_rules (project_id, name, triggers, created_at, updated_at)
       VALUES (?4, ?1, ?2, ?3, ?3)`,
    )
    .bind(DEFAULT_RULE_NAME, DEFAULT_RULE_TRIGGERS, now, projectId);
}

const SELECT_RULES_SQL = 'SELECT * FROM alert_rules WHERE project_id = ? ORDER BY id';

export async function selectAlertRules(db: D1Database, projectId: number): Promise<AlertRule[]> {
  const { results } = await db.prepare(SELECT_RULES_SQL).bind(projectId).all<AlertRuleRow>();
  return results.map(toRule);
}

function ruleColumns(rule: AlertRuleInput) {
  return [
    rule.name,
    rule.enabled ? 1 : 0,
    JSON.stringify(rule.triggers),
    JSON.stringify(rule.filters),
    rule.throttleMs,
    rule.webhookIds === null ? null : JSON.stringify(rule.webhookIds),
  ];
}

export async function insertAlertRule(
  db: D1Database,
  projectId: number,
  rule: AlertRuleInput,
  now: number,
): Promise<AlertRule> {
  const row = await db
    .prepare(
      `INSERT INTO alert_rules (project_id, name, enabled, triggers, filters, throttle_ms,
         webhook_ids, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?8, ?8) RETURNING *`,
    )
    .bind(projectId, ...ruleColumns(rule), now)
    .first<AlertRuleRow>();
  if (!row) throw new Error('D1 did not return the new alert rule');
  return toRule(row);
}

export async function updateAlertRule(
  db: D1Database,
  projectId: number,
  ruleId: number,
  rule: AlertRuleInput,
  now: number,
): Promise<AlertRule | null> {
  const row = await db
    .prepare(
      `UPDATE alert_rules SET name = ?, enabled = ?, triggers = ?, filters = ?, throttle_ms = ?,
         webhook_ids = ?, updated_at = ? WHERE project_id = ? AND id = ? RETURNING *`,
    )
    .bind(...ruleColumns(rule), now, projectId, ruleId)
    .first<AlertRuleRow>();
  return row ? toRule(row) : null;
}

export async function deleteAlertRule(
  db: D1Database,
  projectId: number,
  ruleId: number,
): Promise<boolean> {
  const result = await db
    .prepare('DELETE FROM alert_rules WHERE project_id = ? AND id = ?')
    .bind(projectId, ruleId)
    .run();
  return result.meta.changes > 0;
}

/** A project's rules and whether it has webhooks, in one round trip. */
export async function selectAlertSetup(
  db: D1Database,
  projectId: number,
): Promise<{ rules: AlertRule[]; hasWebhooks: boolean }> {
  const [rules, webhooks] = await db.batch([
    db.prepare(SELECT_RULES_SQL).bind(projectId),
    db
      .prepare('SELECT EXISTS (SELECT 1 FROM webhooks WHERE project_id = ?) AS yes')
      .bind(projectId),
  ]);
  return {
    rules: ((rules?.results ?? []) as AlertRuleRow[]).map(toRule),
    hasWebhooks: (webhooks?.results[0] as { yes: number } | undefined)?.yes === 1,
  };
}
