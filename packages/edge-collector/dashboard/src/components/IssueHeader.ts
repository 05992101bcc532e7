import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { timeAgo } from '../lib/format';
import { RESOLVE, RESOLVE_NEXT_RELEASE, type StatusChange, UNRESOLVE } from '../lib/issueActions';
import { Link, navigate } from '../lib/router';
import type { Issue } from '../types';
import { IgnoreMenu } from './IgnoreMenu';
import { LevelBadge } from './LevelBadge';

/** What the status means in words, e.g. "ignored until 20 more events". */
function statusText(issue: Issue): string {
  const details = issue.statusDetails as Record<string, unknown>;
  if (issue.status === 'ignored') {
    const parts = [];
    if (details.ignoreCount !== undefined) parts.push(`${details.ignoreCount} more events`);
    if (details.ignoreUserCount !== undefined) parts.push(`${details.ignoreUserCount} more users`);
    if (details.ignoreUntil) parts.push(new Date(String(details.ignoreUntil)).toLocaleString());
    return parts.length ? `Ignored until ${parts.join(' or ')}` : 'Ignored';
  }
  if (issue.status === 'resolved') {
    if (details.inNextRelease) return 'Resolved in the next release';
    if (details.inRelease) return `Resolved in ${details.inRelease}`;
    return 'Resolved';
  }
  return issue.isRegressed ? 'Unresolved (regressed)' : 'Unresolved';
}

/** Title, culprit, status, first and last seen, and the actions that change the status. */
export function IssueHeader(props: { issue: Issue; onChanged: () => void }) {
  const { issue } = props;
  const [error, setError] = useState<string | null>(null);
  const change = async (body: StatusChange) => {
    try {
      await api(`/api/0/issues/${issue.id}/`, 'PUT', body);
      setError(null);
      props.onChanged();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const remove = async () => {
    if (!confirm('Delete this issue and its events?')) return;
    await api(`/api/0/issues/${issue.id}/`, 'DELETE');
    navigate(`/projects/${issue.projectId}/issues`);
  };
  return html`<header class="issue-header">
    <p class="crumbs"><${Link} href=${`/projects/${issue.projectId}/issues`}>← Issues<//></p>
    <h1 class="issue-title">${issue.title}</h1>
    <p class="culprit"><${LevelBadge} level=${issue.level} /> <span class="muted">${issue.culprit}</span></p>
    <p class="status" role="status"><strong>${statusText(issue)}</strong></p>
    <div class="actions" role="toolbar" aria-label="Issue actions">
      ${
        issue.status === 'unresolved'
          ? html`<button type="button" class="primary" onClick=${() => change(RESOLVE)}>Resolve</button>
              <button type="button" onClick=${() => change(RESOLVE_NEXT_RELEASE)}>Resolve in next release</button>
              <${IgnoreMenu} onChoose=${change} />`
          : html`<button type="button" onClick=${() => change(UNRESOLVE)}>Unresolve</button>`
      }
      <button type="button" class="danger" onClick=${remove}>Delete</button>
    </div>
    ${error && html`<p class="error" role="alert">${error}</p>`}
    <dl class="facts">
      <dt>Events</dt><dd>${issue.count}</dd>
      <dt>Users</dt><dd>${issue.userCount}</dd>
      <dt>First seen</dt><dd>${timeAgo(issue.firstSeen)}${issue.firstRelease ? ` in ${issue.firstRelease}` : ''}</dd>
      <dt>Last seen</dt><dd>${timeAgo(issue.lastSeen)}${issue.lastRelease ? ` in ${issue.lastRelease}` : ''}</dd>
    </dl>
  </header>`;
}
