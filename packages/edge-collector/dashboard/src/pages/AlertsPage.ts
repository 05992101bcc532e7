import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { RuleForm } from '../components/RuleForm';
import { Webhooks } from '../components/Webhooks';
import { describeTrigger, type Rule, type Webhook } from '../lib/alertRules';
import { api } from '../lib/api';
import { useApi } from '../lib/useApi';

function describeFilters(rule: Rule): string {
  const { filters } = rule;
  const parts = [];
  if (filters.level) parts.push(`level ≥ ${filters.level}`);
  if (filters.environment) parts.push(`environment ${filters.environment}`);
  if (filters.release) parts.push(`release ${filters.release}`);
  for (const [key, value] of Object.entries(filters.tags ?? {})) parts.push(`${key}=${value}`);
  if (filters.issueAge?.olderThanMinutes !== undefined)
    parts.push(`issue older than ${filters.issueAge.olderThanMinutes} min`);
  if (filters.issueAge?.newerThanMinutes !== undefined)
    parts.push(`issue newer than ${filters.issueAge.newerThanMinutes} min`);
  return parts.length ? parts.join(', ') : 'every event';
}

export function AlertsPage(props: { projectId: string }) {
  const rules = useApi<Rule[]>(`/api/0/projects/${props.projectId}/rules/`);
  const hooks = useApi<Webhook[]>(`/api/0/projects/${props.projectId}/webhooks/`);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const done = () => {
    setEditing(null);
    void rules.reload();
  };
  const remove = async (rule: Rule) => {
    if (!confirm(`Delete the rule ${rule.name}?`)) return;
    await api(`/api/0/projects/${props.projectId}/rules/${rule.id}/`, 'DELETE');
    void rules.reload();
  };
  const hookName = (id: string) => hooks.data?.find((hook) => hook.id === id)?.name ?? `#${id}`;
  return html`<h1>Alerts</h1>
    ${(rules.error || hooks.error) && html`<p class="error" role="alert">${rules.error ?? hooks.error}</p>`}
    <section class="card">
      <div class="section-head">
        <h2>Rules</h2>
        <button type="button" onClick=${() => setEditing('new')}>New rule</button>
      </div>
      ${
        editing &&
        html`<${RuleForm}
          key=${editing === 'new' ? 'new' : editing.id}
          projectId=${props.projectId}
          rule=${editing === 'new' ? undefined : editing}
          webhooks=${hooks.data ?? []}
          onDone=${done}
        />`
      }
      <ul class="rules">
        ${(rules.data ?? []).map(
          (rule) => html`<li key=${rule.id} class="rule">
            <h3>${rule.name} ${!rule.enabled && html`<span class="badge">off</span>`}</h3>
            <p><span class="muted">When </span>${rule.triggers.map(describeTrigger).join('; or ')}</p>
            <p><span class="muted">Only for </span>${describeFilters(rule)}</p>
            <p class="muted">
              At most every ${rule.throttleMinutes} min, to
              ${rule.webhookIds === null ? ' every webhook' : ` ${rule.webhookIds.map(hookName).join(', ') || 'no webhook'}`}
            </p>
            <div class="actions">
              <button type="button" onClick=${() => setEditing(rule)}>Edit</button>
              <button type="button" class="danger" onClick=${() => remove(rule)}>Delete</button>
            </div>
          </li>`,
        )}
      </ul>
    </section>
    <${Webhooks} projectId=${props.projectId} hooks=${hooks.data ?? []} onChange=${hooks.reload} />`;
}
