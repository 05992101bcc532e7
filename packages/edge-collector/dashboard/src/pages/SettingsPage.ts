import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { readSetting, SettingField } from '../components/SettingField';
import { SetupSnippets } from '../components/SetupSnippets';
import { api } from '../lib/api';
import { useSessionUser } from '../lib/session';
import { useApi } from '../lib/useApi';
import type { Project } from '../types';

/** A project's name, origins and every setting the API has (filters grouped apart). */
export function SettingsPage(props: { projectId: string }) {
  const project = useApi<Project>(`/api/0/projects/${props.projectId}/`);
  const user = useSessionUser();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (project.error) return html`<p class="error" role="alert">${project.error}</p>`;
  if (!project.data) return html`<p aria-busy="true">Loading…</p>`;
  const { settings } = project.data;
  const filters = (settings.filters ?? {}) as Record<string, unknown>;
  const general = Object.entries(settings).filter(([name]) => name !== 'filters');
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const patch: Record<string, unknown> = {};
    for (const [name, value] of general) patch[name] = readSetting(data, name, value);
    patch.filters = Object.fromEntries(
      Object.entries(filters).map(([name, value]) => [
        name,
        readSetting(data, `filter-${name}`, value),
      ]),
    );
    try {
      await api(`/api/0/projects/${props.projectId}/`, 'PUT', {
        name: data.get('name'),
        allowedOrigins: String(data.get('origins') ?? '')
          .split(/\s+/)
          .filter(Boolean),
        settings: patch,
      });
      setMessage({ ok: true, text: 'Saved.' });
      void project.reload();
    } catch (caught) {
      setMessage({ ok: false, text: (caught as Error).message });
    }
  };
  const readOnly = user?.role !== 'admin';
  return html`<h1>Settings · ${project.data.name}</h1>
    <section class="card"><h2>Set up a client</h2><${SetupSnippets} dsn=${project.data.dsn} /></section>
    <form class="card stack settings" onSubmit=${onSubmit}>
      <fieldset disabled=${readOnly}>
        <legend>Project</legend>
        <label>Name <input name="name" required maxlength="100" value=${project.data.name} /></label>
        <label>Allowed origins (one a line; none = any)
          <textarea name="origins" rows="2" value=${project.data.allowedOrigins.join('\n')}></textarea>
        </label>
        ${general.map(([name, value]) => html`<${SettingField} key=${name} name=${name} value=${value} />`)}
      </fieldset>
      <fieldset disabled=${readOnly}>
        <legend>Inbound filters</legend>
        ${Object.entries(filters).map(
          ([name, value]) =>
            html`<${SettingField} key=${name} name=${name} value=${value} prefix="filter-" />`,
        )}
      </fieldset>
      ${message && html`<p class=${message.ok ? 'notice' : 'error'} role="status">${message.text}</p>`}
      ${readOnly ? html`<p class="muted">Only admins change settings.</p>` : html`<button type="submit" class="primary">Save settings</button>`}
    </form>`;
}
