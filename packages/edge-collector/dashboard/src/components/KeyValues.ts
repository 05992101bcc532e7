import { html } from 'htm/preact';
import { asText } from '../lib/format';
import { safeHref } from '../lib/safeHref';

/** A value from an event as text; http(s) URLs become links, nothing else does. */
export function Value(props: { value: unknown }) {
  const text = asText(props.value);
  const href = safeHref(props.value);
  return href
    ? html`<a href=${href} rel="noreferrer noopener nofollow" target="_blank">${text}</a>`
    : html`<span>${text}</span>`;
}

/** Pairs as a two-column list. Accepts an object or `[key, value]` pairs (Sentry sends both). */
export function KeyValues(props: { data: unknown; label?: string }) {
  const entries: [string, unknown][] = Array.isArray(props.data)
    ? props.data.filter(Array.isArray).map((pair) => [String(pair[0]), pair[1]])
    : props.data && typeof props.data === 'object'
      ? Object.entries(props.data)
      : [];
  if (entries.length === 0) return html`<p class="muted">None.</p>`;
  return html`<dl class="kv" aria-label=${props.label}>
    ${entries.map(([key, value]) => html`<dt>${key}</dt><dd><${Value} value=${value} /></dd>`)}
  </dl>`;
}
