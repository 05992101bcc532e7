// SQL for webhooks (alert destinations).

/** `email` destinations are webhook rows whose url is `mailto:<address>`. */
export type WebhookFormat = 'json' | 'slack' | 'discord' | 'email';

export interface WebhookRecord {
  id: number;
  projectId: number;
  name: string;
  url: string;
  format: WebhookFormat;
  secret: string;
  dashboardOrigin: string;
  createdAt: number;
}

interface WebhookRow {
  id: number;
  project_id: number;
  name: string;
  url: string;
  format: WebhookFormat;
  secret: string;
  dashboard_origin: string;
  created_at: number;
}

function toWebhook(row: WebhookRow): WebhookRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    url: row.url,
    format: row.format,
    secret: row.secret,
    dashboardOrigin: row.dashboard_origin,
    createdAt: row.created_at,
  };
}

export async function insertWebhook(
  db: D1Database,
  input: Omit<WebhookRecord, 'id'>,
): Promise<WebhookRecord> {
  const row = await db
    .prepare(
      `INSERT INTO webhooks (project_id, name, url, format, secret, dashboard_origin, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    )
    .bind(
      input.projectId,
      input.name,
      input.url,
      input.format,
      input.secret,
      input.dashboardOrigin,
      input.createdAt,
    )
    .first<WebhookRow>();
  if (!row) throw new Error('D1 did not return the new webhook');
  return toWebhook(row);
}

export async function selectWebhooks(db: D1Database, projectId: number): Promise<WebhookRecord[]> {
  const { results } = await db
    .prepare('SELECT * FROM webhooks WHERE project_id = ? ORDER BY id')
    .bind(projectId)
    .all<WebhookRow>();
  return results.map(toWebhook);
}

export async function selectWebhook(
  db: D1Database,
  projectId: number,
  webhookId: number,
): Promise<WebhookRecord | null> {
  const row = await db
    .prepare('SELECT * FROM webhooks WHERE project_id = ? AND id = ?')
    .bind(projectId, webhookId)
    .first<WebhookRow>();
  return row ? toWebhook(row) : null;
}

/** Deletes a webhook with its pending deliveries and its delivery log. */
export async function deleteWebhook(
  db: D1Database,
  projectId: number,
  webhookId: number,
): Promise<boolean> {
  const result = await db
    .prepare('DELETE FROM webhooks WHERE project_id = ? AND id = ?')
    .bind(projectId, webhookId)
    .run();
  return result.meta.changes > 0;
}
