import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { SetupSnippets } from '../components/SetupSnippets';
import { api } from '../lib/api';
import { formatCount } from '../lib/format';
import { Link } from '../lib/router';
import { useSessionUser } from '../lib/session';
import { useApi } from '../lib/useApi';
import type { Project } from '../types';

/** Categories that are error events (not transactions, sessions or spans). */
const EVENT_CATEGORIES = new Set(['error', 'default', 'security']);

interface Stats {
  outcomes: { outcome: string; category: string; quantity: number }[];
}

/** Events each project accepted in the last 24 hours. */
function useDayCounts(projects: Project[] | undefined): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    const since = Date.now() - 24 * 3600_000;
    for (const project of projects ?? []) {
      api<Stats>(`/api/0/projects/${project.id}/stats/?since=${since}`)
        .then((stats) => {
          const total = stats.outcomes
            .filter((row) => row.outcome === 'accepted' && EVENT_CATEGORIES.has(row.category))
            .reduce((sum, row) => sum + row.quantity, 0);
          setCounts((previous) => ({ ...previous, [project.id]: total }));
        })
        .catch(() => undefined);
    }
  }, [projects]);
  return counts;
}

function CreateProject(props: { onCreated: (project: Project) => void }) {
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const origins = String(data.get('origins') ?? '')
      .split(/[\s,]+/)
      .filter(Boolean);
    try {
      const project = await api<Project>('/api/0/projects/', 'POST', {
        name: data.get('name'),
        allowedOrigins: origins,
      });
      form.reset();
      setError(null);
      props.onCreated(project);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return html`<form class="card row-form" onSubmit=${onSubmit}>
    <h2>New project</h2>
    <label>Name <input name="name" required maxlength="100" /></label>
    <label>Allowed origins <input name="origins" placeholder="https://shop.example.com" /></label>
    <button type="submit" class="primary">Create project</button>
    ${error && html`<p class="error" role="alert">${error}</p>`}
  </form>`;
}

export function ProjectsPage() {
  const { data: projects, error, reload } = useApi<Project[]>('/api/0/projects/');
  const user = useSessionUser();
  const counts = useDayCounts(projects);
  const [open, setOpen] = useState<string | null>(null);
  return html`<h1>Projects</h1>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${projects?.length === 0 && html`<p>No project yet: create one to get its DSN.</p>`}
    <ul class="projects">
      ${(projects ?? []).map(
        (project) => html`<li key=${project.id} class="card">
          <div class="project-head">
            <h2><${Link} href=${`/projects/${project.id}/issues`}>${project.name}<//></h2>
            <span class="count" title="error events accepted in the last 24 hours">
              ${counts[project.id] === undefined ? '…' : formatCount(counts[project.id] ?? 0)}
              <span class="muted"> events in 24 h</span>
            </span>
            <button
              type="button"
              class="small"
              aria-expanded=${open === project.id}
              onClick=${() => setOpen(open === project.id ? null : project.id)}
            >
              Setup
            </button>
          </div>
          ${open === project.id && html`<${SetupSnippets} dsn=${project.dsn} />`}
        </li>`,
      )}
    </ul>
    ${
      user?.role === 'admin' &&
      html`<${CreateProject}
        onCreated=${(project: Project) => {
          setOpen(project.id);
          void reload();
        }}
      />`
    }`;
}
