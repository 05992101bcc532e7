import { html } from 'htm/preact';
import { formatCount, timeAgo } from '../lib/format';
import { Link } from '../lib/router';
import type { Issue } from '../types';
import { LevelBadge } from './LevelBadge';
import { Sparkline } from './Sparkline';

/** One issue in the stream: select box, title and culprit, 24 h line and counts. */
export function IssueRow(props: {
  issue: Issue;
  selected: boolean;
  onToggle: (id: string) => void;
  sparkline: [number, number][] | undefined;
}) {
  const { issue } = props;
  return html`<tr class=${props.selected ? 'selected' : ''} data-issue-id=${issue.id}>
    <td class="check">
      <input
        type="checkbox"
        checked=${props.selected}
        onChange=${() => props.onToggle(issue.id)}
        aria-label=${`Select ${issue.title}`}
      />
    </td>
    <td class="title-cell">
      <${Link} href=${`/issues/${issue.id}`} class="issue-title">${issue.title}<//>
      <div class="culprit">
        <${LevelBadge} level=${issue.level} />
        ${issue.isRegressed && html`<span class="badge">regressed</span>`}
        ${issue.status !== 'unresolved' && html`<span class="badge">${issue.status}</span>`}
        <span class="muted">${issue.culprit}</span>
      </div>
    </td>
    <td class="hide-narrow"><${Sparkline} points=${props.sparkline} label=${issue.title} /></td>
    <td class="num">${formatCount(issue.count)}</td>
    <td class="num hide-narrow">${formatCount(issue.userCount)}</td>
    <td class="hide-narrow"><time datetime=${issue.firstSeen}>${timeAgo(issue.firstSeen)}</time></td>
    <td><time datetime=${issue.lastSeen}>${timeAgo(issue.lastSeen)}</time></td>
    <td class="hide-narrow release">${issue.lastRelease ?? '—'}</td>
  </tr>`;
}
