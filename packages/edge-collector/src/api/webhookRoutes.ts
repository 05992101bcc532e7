import type { IRequest } from 'itty-router';
import { forgetAlertSetup } from '../alerts/alertSetupCache';
import { deliverAlerts } from '../alerts/deliverAlerts';
import { parseEmailDestination } from '../alerts/parseEmailDestination';
import { webhookUrlProblem } from '../alerts/webhookUrlProblem';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { readJson } from '../http/readJson';
import { randomHex } from '../lib/randomHex';
import { type DeliveryLogEntry, insertTestDelivery, selectDeliveryLog } from '../store/deliveryLog';
import { selectProject } from '../store/projects';
import {
  deleteWebhook,
  insertWebhook,
  selectWebhook,
  selectWebhooks,
  type WebhookFormat,
  type WebhookRecord,
} from '../store/webhooks';

const FORMATS: WebhookFormat[] = ['json', 'slack', 'discord', 'email'];

/**
 * The destination to store: an https URL for webhooks (see webhookUrlProblem), or for
 * `email` one address, given as `mailto:ops@example.com` or `ops@example.com`.
 */
function destinationUrl(value: string, format: WebhookFormat, env: Env): string {
  if (format !== 'email') {
    const problem = webhookUrlProblem(value, env.FAULTLINE_MODE);
    if (problem) throw new ClientError(400, `url ${problem}`);
    return value;
  }
  const destination = parseEmailDestination(value);
  if ('problem' in destination) throw new ClientError(400, `url ${destination.problem}`);
  if (!env.EMAIL || !env.FAULTLINE_EMAIL_FROM) {
    throw new ClientError(
      400,
      'e-mail destinations need the EMAIL send_email binding and FAULTLINE_EMAIL_FROM (see WEBHOOKS.md)',
    );
  }
  return destination.url;
}

/** The secret is shown once, when the webhook is created. */
function toWebhookJson(hook: WebhookRecord, withSecret = false) {
  return {
    id: String(hook.id),
    projectId: String(hook.projectId),
    name: hook.name,
    url: hook.url,
    format: hook.format,
    ...(withSecret ? { secret: hook.secret } : {}),
    dateCreated: new Date(hook.createdAt).toISOString(),
  };
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toDeliveryJson(entry: DeliveryLogEntry) {
  return {
    ...entry,
    id: String(entry.id),
    ruleId: entry.ruleId === null ? null : String(entry.ruleId),
    issueId: entry.issueId === null ? null : String(entry.issueId),
    lastAttemptAt: isoOrNull(entry.lastAttemptAt),
    // Only meaningful while pending: when the cron tries again.
    nextAttemptAt: entry.status === 'pending' ? isoOrNull(entry.nextAttemptAt) : null,
    deliveredAt: isoOrNull(entry.deliveredAt),
    createdAt: new Date(entry.createdAt).toISOString(),
  };
}

async function projectIdOf(request: IRequest, env: Env): Promise<number> {
  const projectId = parseId(request.params.projectId, 'project');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  return projectId;
}

async function findWebhook(request: IRequest, env: Env): Promise<WebhookRecord> {
  const projectId = await projectIdOf(request, env);
  const db = await projectDatabase(env, projectId);
  const hook = await selectWebhook(db, projectId, parseId(request.params.hookId, 'webhook'));
  if (!hook) throw new ClientError(404, 'no such webhook');
  return hook;
}

/** `GET /api/0/projects/:projectId/webhooks/` → the project's webhooks (without secrets). */
export async function listWebhooksRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = await projectIdOf(request, env);
  const hooks = await selectWebhooks(await projectDatabase(env, projectId), projectId);
  return json(hooks.map((hook) => toWebhookJson(hook)));
}

/**
 * `POST /api/0/projects/:projectId/webhooks/` `{url, format?, name?}` → the webhook with
 * its signing secret. The URL must be https on a public host (see webhookUrlProblem);
 * with `format: "email"` it is an address (`mailto:ops@example.com`).
 */
export async function createWebhookRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = await projectIdOf(request, env);
  const body = await readJson(request);
  const format = (body.format ?? 'json') as WebhookFormat;
  if (!FORMATS.includes(format)) throw new ClientError(400, `format must be ${FORMATS.join(', ')}`);
  const url = destinationUrl(typeof body.url === 'string' ? body.url.trim() : '', format, env);
  const name = typeof body.name === 'string' && body.name.trim() ? body.name.trim() : format;
  if (name.length > 100) throw new ClientError(400, 'name must be at most 100 characters');
  const hook = await insertWebhook(await projectDatabase(env, projectId), {
    projectId,
    name,
    url,
    format,
    secret: `whsec_${randomHex(24)}`,
    dashboardOrigin: new URL(request.url).origin,
    createdAt: Date.now(),
  });
  forgetAlertSetup(projectId);
  return json(toWebhookJson(hook, true), { status: 201 });
}

/** `DELETE /api/0/projects/:projectId/webhooks/:hookId/` → 204, with its deliveries. */
export async function deleteWebhookRoute(request: IRequest, env: Env): Promise<Response> {
  const hook = await findWebhook(request, env);
  await deleteWebhook(await projectDatabase(env, hook.projectId), hook.projectId, hook.id);
  forgetAlertSetup(hook.projectId);
  return new Response(null, { status: 204 });
}

/** `GET /api/0/projects/:projectId/webhooks/:hookId/deliveries/` → the delivery log. */
export async function listDeliveriesRoute(request: IRequest, env: Env): Promise<Response> {
  const hook = await findWebhook(request, env);
  const log = await selectDeliveryLog(await projectDatabase(env, hook.projectId), hook.id);
  return json(log.map(toDeliveryJson));
}

/** `POST /api/0/projects/:projectId/webhooks/:hookId/test/` → how the test delivery went. */
export async function testWebhookRoute(request: IRequest, env: Env): Promise<Response> {
  const hook = await findWebhook(request, env);
  const db = await projectDatabase(env, hook.projectId);
  const deliveryId = await insertTestDelivery(db, {
    projectId: hook.projectId,
    webhookId: hook.id,
    now: Date.now(),
  });
  await deliverAlerts(env, db, { deliveryId });
  const entry = (await selectDeliveryLog(db, hook.id, 20)).find((row) => row.id === deliveryId);
  if (!entry) throw new Error('the test delivery vanished');
  return json(toDeliveryJson(entry));
}
