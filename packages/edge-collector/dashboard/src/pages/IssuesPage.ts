import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { IgnoreMenu } from '../components/IgnoreMenu';
import { IssueFilters } from '../components/IssueFilters';
import { IssueRow } from '../components/IssueRow';
import { api, apiPage } from '../lib/api';
import {
  changeIssues,
  deleteIssues,
  RESOLVE,
  type StatusChange,
  UNRESOLVE,
} from '../lib/issueActions';
import { useLocation } from '../lib/router';
import { usePolling } from '../lib/usePolling';
import type { Issue } from '../types';

/** New issues and changed counts show within this, without a reload. */
const REFRESH_MS = 5000;

/** The list's API query from the page's URL. */
function listPath(projectId: string, query: URLSearchParams, limit: number): string {
  const params = new URLSearchParams();
  const status = query.get('status') ?? 'unresolved';
  if (status !== 'all') params.set('status', status);
  for (const name of ['query', 'environment', 'release', 'level', 'sort']) {
    const value = query.get(name);
    if (value) params.set(name, value);
  }
  params.set('limit', String(limit));
  return `/api/0/projects/${projectId}/issues/?${params}`;
}

export function IssuesPage(props: { projectId: string }) {
  const { query } = useLocation();
  const [issues, setIssues] = useState<Issue[] | undefined>(undefined);
  const [next, setNext] = useState<string | null>(null);
  const [sparklines, setSparklines] = useState<Record<string, [number, number][]>>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = `${props.projectId}?${query}`;

  // Re-reads as many rows as are shown: rows keep their keys, so the DOM, the
  // scroll position and the selection stay as they are while counts change.
  const load = async () => {
    const limit = Math.min(100, Math.max(25, issues?.length ?? 0));
    const page = await apiPage<Issue>(listPath(props.projectId, query, limit));
    setIssues(page.items);
    setNext(page.next);
    setError(null);
    if (page.items.length) {
      const ids = page.items.map((issue) => `id=${issue.id}`).join('&');
      setSparklines(
        await api<Record<string, [number, number][]>>(
          `/api/0/projects/${props.projectId}/issues/stats/?${ids}`,
        ),
      );
    }
  };
  usePolling(() => load().catch((caught) => setError(caught.message)), REFRESH_MS, [key]);

  const loadMore = async () => {
    if (!next) return;
    const page = await apiPage<Issue>(next);
    setIssues([...(issues ?? []), ...page.items]);
    setNext(page.next);
  };
  const toggle = (id: string) => {
    const copy = new Set(selected);
    if (copy.has(id)) copy.delete(id);
    else copy.add(id);
    setSelected(copy);
  };
  const shown = issues ?? [];
  const allSelected = shown.length > 0 && shown.every((issue) => selected.has(issue.id));
  const bulk = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setSelected(new Set());
      await load();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const ids = [...selected];
  const apply = (change: StatusChange) => bulk(() => changeIssues(ids, change));
  const remove = () => {
    if (confirm(`Delete ${ids.length} issue(s)? Their events go too.`)) {
      void bulk(() => deleteIssues(ids));
    }
  };

  return html`<h1>Issues</h1>
    <${IssueFilters} query=${query} />
    <div class="bulk" role="toolbar" aria-label="Selected issues">
      <span class="muted">${selected.size} selected</span>
      <button type="button" disabled=${!selected.size || busy} onClick=${() => apply(RESOLVE)}>Resolve</button>
      <button type="button" disabled=${!selected.size || busy} onClick=${() => apply(UNRESOLVE)}>Unresolve</button>
      <${IgnoreMenu} disabled=${!selected.size || busy} onChoose=${apply} />
      <button type="button" class="danger" disabled=${!selected.size || busy} onClick=${remove}>Delete</button>
    </div>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    ${issues === undefined && html`<p aria-busy="true">Loading…</p>`}
    ${issues?.length === 0 && html`<p class="empty">No issues here.</p>`}
    ${
      shown.length > 0 &&
      html`<table class="issues">
        <thead>
          <tr>
            <th class="check">
              <input
                type="checkbox"
                aria-label="Select all shown"
                checked=${allSelected}
                onChange=${() => setSelected(allSelected ? new Set() : new Set(shown.map((issue) => issue.id)))}
              />
            </th>
            <th>Issue</th>
            <th class="hide-narrow">24 h</th>
            <th class="num">Events</th>
            <th class="num hide-narrow">Users</th>
            <th class="hide-narrow">First seen</th>
            <th>Last seen</th>
            <th class="hide-narrow">Release</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (issue) =>
              html`<${IssueRow}
                key=${issue.id}
                issue=${issue}
                selected=${selected.has(issue.id)}
                onToggle=${toggle}
                sparkline=${sparklines[issue.id]}
              />`,
          )}
        </tbody>
      </table>`
    }
    ${next && html`<button type="button" onClick=${loadMore}>Load more</button>`}`;
}
