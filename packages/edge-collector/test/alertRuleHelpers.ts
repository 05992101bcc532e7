import { env } from 'cloudflare:test';
import { eventFacts } from '../src/alerts/eventFacts';
import { planAlerts } from '../src/alerts/planAlerts';
import { processEvent } from '../src/consumer/processEvent';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { randomHex } from '../src/lib/randomHex';
import { selectAlertSetup } from '../src/store/alertRules';
import { alertTriggerStatements } from '../src/store/alertTriggers';
import { insertEvent } from '../src/store/events';
import { groupByIssue } from '../src/store/groupByIssue';
import { admin, createProject } from './helpers';

export const MINUTE = 60_000;
export const T0 = Date.UTC(2026, 0, 1, 12);

export interface AlertRow {
  trigger: string;
  subject_id: number;
  window_key: string;
  suppressed_events: number;
  observed: number | null;
  fired_at: number;
}

/** A project with one webhook and exactly the given rule (the default rule removed). */
export async function projectWithRule(rule: object) {
  const project = await createProject('alerts');
  const base = `/api/0/projects/${project.id}`;
  const [defaultRule] = await admin<{ id: string }[]>(`${base}/rules/`);
  await admin(`${base}/rules/${defaultRule?.id}/`, { method: 'DELETE' });
  await admin(`${base}/webhooks/`, {
    method: 'POST',
    body: JSON.stringify({ url: 'http://127.0.0.1:9/hook' }),
  });
  await admin(`${base}/rules/`, {
    method: 'POST',
    body: JSON.stringify({ name: 'rule', ...rule }),
  });
  const projectId = Number(project.id);

  /** Stores one event at `at`, with the rules' statements appended, as ingestion does. */
  async function send(at: number, event: Record<string, unknown> = {}, eventId = randomHex(16)) {
    const { fingerprint = 'issue-a', ...rest } = event;
    const raw = { event_id: eventId, message: 'boom', fingerprint: [fingerprint], ...rest };
    const record = await processEvent(normalizeEvent(raw, at), { projectId, receivedAt: at });
    const setup = await selectAlertSetup(env.DB, projectId);
    const plan = planAlerts(eventFacts(record, true), setup);
    const statements = alertTriggerStatements(env.DB, groupByIssue([{ record, alerts: plan }]));
    await insertEvent(env.DB, record, statements);
    return eventId;
  }

  /** Changes the status of the project's only issue through the API. */
  async function setStatus(body: object) {
    const [issue] = await admin<{ id: string }[]>(`${base}/issues/?query=`);
    await admin(`/api/0/issues/${issue?.id}/`, { method: 'PUT', body: JSON.stringify(body) });
  }

  async function alerts(): Promise<AlertRow[]> {
    const { results } = await env.DB.prepare(
      'SELECT * FROM alerts WHERE project_id = ? ORDER BY id',
    )
      .bind(projectId)
      .all<AlertRow>();
    return results;
  }

  async function deliveries(): Promise<number> {
    const row = await env.DB.prepare(
      `SELECT count(*) AS n FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
       WHERE a.project_id = ?`,
    )
      .bind(projectId)
      .first<{ n: number }>();
    return row?.n ?? 0;
  }

  return { send, setStatus, alerts, deliveries };
}
