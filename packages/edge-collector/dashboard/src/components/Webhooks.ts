import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import type { Webhook } from '../lib/alertRules';
import { api } from '../lib/api';
import { formatDate } from '../lib/format';
import { useApi } from '../lib/useApi';

interface Delivery {
  id: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  trigger: string;
  ruleName: string;
}

/** One webhook's delivery log: status, attempts, the last answer, the next retry. */
function DeliveryLog(props: { projectId: string; hookId: string; version: number }) {
  const log = useApi<Delivery[]>(
    `/api/0/projects/${props.projectId}/webhooks/${props.hookId}/deliveries/?v=${props.version}`,
  );
  if (!log.data) return html`<p aria-busy="true">Loading…</p>`;
  if (log.data.length === 0) return html`<p class="muted">No deliveries yet.</p>`;
  return html`<div class="scroll-x"><table class="deliveries">
    <thead><tr><th>When</th><th>Trigger</th><th>Status</th><th class="num">Attempts</th><th>Last answer</th><th>Next retry</th></tr></thead>
    <tbody>
      ${log.data.map(
        (entry) => html`<tr key=${entry.id}>
          <td>${formatDate(entry.createdAt)}</td>
          <td>${entry.trigger}</td>
          <td><span class=${`badge delivery-${entry.status === 'delivered' ? 'ok' : entry.status === 'pending' ? 'pending' : 'failed'}`}>${entry.status}</span></td>
          <td class="num">${entry.attempts}</td>
          <td>${entry.lastStatus ?? ''} ${entry.lastError ?? ''}</td>
          <td>${entry.nextAttemptAt ? formatDate(entry.nextAttemptAt) : '—'}</td>
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}

/**
 * The project's alert destinations, webhooks and e-mail addresses (stored as webhooks
 * with format `email`): add (a webhook's secret is shown once), test, delete, logs.
 */
export function Webhooks(props: { projectId: string; hooks: Webhook[]; onChange: () => void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const base = `/api/0/projects/${props.projectId}/webhooks/`;
  /** Adds a destination from a form; `fields` turns the form's data into the request. */
  const add = async (event: SubmitEvent, fields: (data: FormData) => Record<string, unknown>) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      const hook = await api<Webhook>(base, 'POST', {
        ...fields(data),
        name: data.get('name') || undefined,
      });
      setSecret(hook.format === 'json' ? (hook.secret ?? null) : null);
      setError(null);
      form.reset();
      props.onChange();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const addWebhook = (event: SubmitEvent) =>
    add(event, (data) => ({ url: data.get('url'), format: data.get('format') }));
  const addEmail = (event: SubmitEvent) =>
    add(event, (data) => ({ url: data.get('address'), format: 'email' }));
  const test = async (hook: Webhook) => {
    await api(`${base}${hook.id}/test/`, 'POST').catch((caught) => setError(caught.message));
    setVersion(version + 1);
  };
  const remove = async (hook: Webhook) => {
    if (!confirm(`Delete the destination ${hook.name}?`)) return;
    await api(`${base}${hook.id}/`, 'DELETE');
    props.onChange();
  };
  return html`<section class="card">
    <h2>Webhooks and e-mail</h2>
    ${props.hooks.length === 0 && html`<p class="muted">No destination yet: alerts go nowhere.</p>`}
    ${props.hooks.map(
      (hook) => html`<article key=${hook.id} class="webhook">
        <h3>${hook.name} <span class="badge">${hook.format}</span></h3>
        <p class="url"><code>${hook.format === 'email' ? hook.url.replace(/^mailto:/, '') : hook.url}</code></p>
        <div class="actions">
          <button type="button" onClick=${() => test(hook)}>Send a test</button>
          <button type="button" class="danger" onClick=${() => remove(hook)}>Delete</button>
        </div>
        <details>
          <summary>Delivery log</summary>
          <${DeliveryLog} projectId=${props.projectId} hookId=${hook.id} version=${version} />
        </details>
      </article>`,
    )}
    ${secret && html`<p class="notice" role="status">Signing secret (shown once): <code>${secret}</code></p>`}
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <form class="row-form" onSubmit=${addWebhook}>
      <label class="grow">URL <input name="url" type="url" required placeholder="https://hooks.slack.com/services/…" /></label>
      <label>Format
        <select name="format"><option value="json">Signed JSON</option><option value="slack">Slack</option><option value="discord">Discord</option></select>
      </label>
      <label>Name <input name="name" maxlength="100" /></label>
      <button type="submit">Add webhook</button>
    </form>
    <form class="row-form" onSubmit=${addEmail} aria-label="Add an e-mail destination">
      <label class="grow">E-mail address <input name="address" type="email" required placeholder="ops@example.com" /></label>
      <label>Name <input name="name" maxlength="100" /></label>
      <button type="submit">Add e-mail</button>
    </form>
  </section>`;
}
