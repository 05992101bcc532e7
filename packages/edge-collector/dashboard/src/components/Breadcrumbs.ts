import { html } from 'htm/preact';
import { asText } from '../lib/format';
import { Value } from './KeyValues';

interface Crumb {
  timestamp?: number | string;
  type?: string;
  category?: string;
  level?: string;
  message?: string;
  data?: Record<string, unknown>;
}

function clock(timestamp: Crumb['timestamp']): string {
  if (timestamp === undefined) return '';
  const date = new Date(typeof timestamp === 'number' ? timestamp * 1000 : timestamp);
  return Number.isNaN(date.getTime()) ? String(timestamp) : date.toLocaleTimeString();
}

/** What happened before the error, oldest first, as a timeline. */
export function Breadcrumbs(props: { crumbs: unknown }) {
  const raw = props.crumbs as { values?: Crumb[] } | Crumb[] | undefined;
  const crumbs = (Array.isArray(raw) ? raw : (raw?.values ?? [])).filter(
    (crumb) => crumb && typeof crumb === 'object',
  );
  if (crumbs.length === 0) return html`<p class="muted">No breadcrumbs.</p>`;
  return html`<ol class="timeline">
    ${crumbs.map(
      (crumb, index) => html`<li key=${index} class="crumb">
        <time>${clock(crumb.timestamp)}</time>
        <span class="badge">${asText(crumb.category ?? crumb.type ?? 'default')}</span>
        <span class="crumb-message">${asText(crumb.message ?? '')}</span>
        ${
          crumb.data &&
          html`<span class="crumb-data">
            ${Object.entries(crumb.data).map(
              ([key, value]) =>
                html`<span class="muted">${key}=</span><${Value} value=${value} /> `,
            )}
          </span>`
        }
      </li>`,
    )}
  </ol>`;
}
