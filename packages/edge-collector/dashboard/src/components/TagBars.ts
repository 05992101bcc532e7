import { html } from 'htm/preact';
import type { TagSummary } from '../types';

const ORDER = ['browser', 'os', 'url', 'release', 'environment', 'user'];

/** Each tag's most seen values as bars: share of the issue's events. */
export function TagBars(props: { tags: TagSummary[]; total: number }) {
  const tags = [...props.tags].sort((a, b) => {
    const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);
    return rank(a.key) - rank(b.key) || a.key.localeCompare(b.key);
  });
  if (tags.length === 0) return html`<p class="muted">No tags.</p>`;
  return html`<div class="tag-bars">
    ${tags.map(
      (tag) => html`<section key=${tag.key}>
        <h3>${tag.key} <span class="muted">(${tag.totalValues})</span></h3>
        <ul>
          ${tag.topValues.map((entry) => {
            const share = props.total ? Math.min(1, entry.count / props.total) : 0;
            return html`<li>
              <span class="bar-label" title=${entry.value}>${entry.value}</span>
              <span class="bar-track"><span class="bar" style=${{ width: `${(share * 100).toFixed(1)}%` }}></span></span>
              <span class="num">${Math.round(share * 100)}%</span>
            </li>`;
          })}
        </ul>
      </section>`,
    )}
  </div>`;
}
