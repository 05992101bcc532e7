import type { IRequest } from 'itty-router';
import { forgetAlertSetup } from '../alerts/alertSetupCache';
import { type AlertRuleInput, parseAlertRule } from '../alerts/parseAlertRule';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { readJson } from '../http/readJson';
import {
  deleteAlertRule,
  insertAlertRule,
  selectAlertRules,
  updateAlertRule,
} from '../store/alertRules';
import { selectProject } from '../store/projects';
import { selectWebhooks } from '../store/webhooks';
import type { AlertRule } from '../types/AlertRule';

export function toRuleJson(rule: AlertRule) {
  return {
    id: String(rule.id),
    projectId: String(rule.projectId),
    name: rule.name,
    enabled: rule.enabled,
    triggers: rule.triggers,
    filters: rule.filters,
    throttleMinutes: rule.throttleMs / 60_000,
    webhookIds: rule.webhookIds?.map(String) ?? null,
  };
}

async function projectIdOf(request: IRequest, env: Env): Promise<number> {
  const projectId = parseId(request.params.projectId, 'project');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  return projectId;
}

/** A rule from the request body, whose webhooks must belong to the project. */
async function readRule(request: IRequest, env: Env, projectId: number): Promise<AlertRuleInput> {
  const rule = parseAlertRule(await readJson(request));
  if (rule.webhookIds) {
    const known = new Set(
      (await selectWebhooks(await projectDatabase(env, projectId), projectId)).map(
        (hook) => hook.id,
      ),
    );
    const unknown = rule.webhookIds.filter((id) => !known.has(id));
    if (unknown.length) throw new ClientError(400, `no such webhook in this project: ${unknown}`);
  }
  return rule;
}

/** `GET /api/0/projects/:projectId/rules/` → the project's alert rules. */
export async function listRulesRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = await projectIdOf(request, env);
  const rules = await selectAlertRules(await projectDatabase(env, projectId), projectId);
  return json(rules.map(toRuleJson));
}

/** `POST /api/0/projects/:projectId/rules/` `{name, triggers, filters?, …}` → the rule. */
export async function createRuleRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = await projectIdOf(request, env);
  const rule = await insertAlertRule(
    await projectDatabase(env, projectId),
    projectId,
    await readRule(request, env, projectId),
    Date.now(),
  );
  forgetAlertSetup(projectId);
  return json(toRuleJson(rule), { status: 201 });
}

/** `PUT /api/0/projects/:projectId/rules/:ruleId/`: replaces the rule. */
export async function updateRuleRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = await projectIdOf(request, env);
  const ruleId = parseId(request.params.ruleId, 'rule');
  const input = await readRule(request, env, projectId);
  const rule = await updateAlertRule(
    await projectDatabase(env, projectId),
    projectId,
    ruleId,
    input,
    Date.now(),
  );
  if (!rule) throw new ClientError(404, 'no such rule');
  forgetAlertSetup(projectId);
  return json(toRuleJson(rule));
}

/** `DELETE /api/0/projects/:projectId/rules/:ruleId/` → 204. */
export async function deleteRuleRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = await projectIdOf(request, env);
  const ruleId = parseId(request.params.ruleId, 'rule');
  if (!(await deleteAlertRule(await projectDatabase(env, projectId), projectId, ruleId))) {
    throw new ClientError(404, 'no such rule');
  }
  forgetAlertSetup(projectId);
  return new Response(null, { status: 204 });
}
