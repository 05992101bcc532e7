import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import {
  type Filters,
  ONE_SHOT_TRIGGERS,
  parseTagLines,
  type Rule,
  THRESHOLD_TRIGGERS,
  type Trigger,
  type Webhook,
} from '../lib/alertRules';
import { api } from '../lib/api';
import { PerformanceTriggers, readPerformanceTriggers } from './PerformanceTriggers';

const LEVELS = ['', 'debug', 'info', 'warning', 'error', 'fatal'];
const num = (value: FormDataEntryValue | null) =>
  value === null || value === '' ? undefined : Number(value);

/** The triggers ticked in the form, thresholds included. */
function readTriggers(data: FormData): Trigger[] {
  const triggers: Trigger[] = [];
  for (const [type] of ONE_SHOT_TRIGGERS) if (data.get(`t-${type}`)) triggers.push({ type });
  for (const [type] of THRESHOLD_TRIGGERS) {
    if (!data.get(`t-${type}`)) continue;
    triggers.push({
      type,
      threshold: num(data.get(`${type}-threshold`)) ?? 0,
      windowMinutes: num(data.get(`${type}-window`)) ?? 60,
    });
  }
  return [...triggers, ...readPerformanceTriggers(data)];
}

function readFilters(data: FormData): Filters {
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const older = num(data.get('olderThan'));
  const newer = num(data.get('newerThan'));
  return {
    level: text('level'),
    environment: text('environment'),
    release: text('release'),
    tags: parseTagLines(String(data.get('tags') ?? '')),
    issueAge:
      older === undefined && newer === undefined
        ? undefined
        : { olderThanMinutes: older, newerThanMinutes: newer },
  };
}

/** Creates a rule, or edits `rule`: every trigger and filter the rules API takes. */
export function RuleForm(props: {
  projectId: string;
  rule?: Rule;
  webhooks: Webhook[];
  onDone: () => void;
}) {
  const { rule } = props;
  const [error, setError] = useState<string | null>(null);
  const has = (type: string) => rule?.triggers.find((trigger) => trigger.type === type);
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const chosen = props.webhooks.filter((hook) => data.get(`w-${hook.id}`)).map((hook) => hook.id);
    const body = {
      name: String(data.get('name') ?? '').trim(),
      enabled: data.get('enabled') === 'on',
      triggers: readTriggers(data),
      filters: readFilters(data),
      throttleMinutes: num(data.get('throttle')) ?? 30,
      webhookIds: data.get('allHooks') ? null : chosen,
    };
    const base = `/api/0/projects/${props.projectId}/rules/`;
    try {
      await api(rule ? `${base}${rule.id}/` : base, rule ? 'PUT' : 'POST', body);
      props.onDone();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const filters = rule?.filters ?? {};
  const tagLines = Object.entries(filters.tags ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  return html`<form class="card stack rule-form" onSubmit=${onSubmit}>
    <h3>${rule ? `Edit “${rule.name}”` : 'New rule'}</h3>
    <label>Name <input name="name" required maxlength="100" value=${rule?.name ?? ''} /></label>
    <label class="inline"><input type="checkbox" name="enabled" checked=${rule?.enabled ?? true} /> Enabled</label>
    <fieldset>
      <legend>When (any of)</legend>
      ${ONE_SHOT_TRIGGERS.map(
        ([type, label]) =>
          html`<label class="inline"><input type="checkbox" name=${`t-${type}`} checked=${!!has(type)} /> ${label}</label>`,
      )}
      ${THRESHOLD_TRIGGERS.map(([type, label]) => {
        const current = has(type);
        return html`<div class="threshold">
          <label class="inline"><input type="checkbox" name=${`t-${type}`} checked=${!!current} /> ${label}</label>
          <label>N <input type="number" min="0" name=${`${type}-threshold`} value=${current?.threshold ?? 100} /></label>
          <label>M (minutes) <input type="number" min="1" max="1440" name=${`${type}-window`} value=${current?.windowMinutes ?? 60} /></label>
        </div>`;
      })}
      <${PerformanceTriggers} current=${rule?.triggers ?? []} />
    </fieldset>
    <fieldset>
      <legend>Only if</legend>
      <label>Level at least
        <select name="level">${LEVELS.map((level) => html`<option value=${level} selected=${(filters.level ?? '') === level}>${level || 'any'}</option>`)}</select>
      </label>
      <label>Environment <input name="environment" value=${filters.environment ?? ''} /></label>
      <label>Release <input name="release" value=${filters.release ?? ''} /></label>
      <label>Tags (key=value, one a line) <textarea name="tags" rows="2" value=${tagLines}></textarea></label>
      <label>Issue older than (minutes) <input type="number" min="0" name="olderThan" value=${filters.issueAge?.olderThanMinutes ?? ''} /></label>
      <label>Issue newer than (minutes) <input type="number" min="0" name="newerThan" value=${filters.issueAge?.newerThanMinutes ?? ''} /></label>
    </fieldset>
    <label>At most one alert per issue every (minutes) <input type="number" min="0" max="10080" step="any" name="throttle" value=${rule?.throttleMinutes ?? 30} /></label>
    <fieldset>
      <legend>Send to</legend>
      <label class="inline"><input type="checkbox" name="allHooks" checked=${!rule || rule.webhookIds === null} /> Every webhook</label>
      ${props.webhooks.map(
        (hook) =>
          html`<label class="inline"><input type="checkbox" name=${`w-${hook.id}`} checked=${rule?.webhookIds?.includes(hook.id) ?? false} /> ${hook.name} (${hook.format})</label>`,
      )}
    </fieldset>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <div class="actions">
      <button type="submit" class="primary">${rule ? 'Save rule' : 'Create rule'}</button>
      <button type="button" onClick=${props.onDone}>Cancel</button>
    </div>
  </form>`;
}
