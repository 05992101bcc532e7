import { html } from 'htm/preact';

interface FilterFieldProps {
  /** The query parameter the field edits, and the input's name in its search form. */
  name: string;
  /** Read by screen readers: the placeholder alone is not a label. */
  label: string;
  placeholder: string;
  query: URLSearchParams;
  /** The free-text field that takes the row's spare width. */
  grow?: boolean;
}

/** A text input of a filter form, filled from the URL's query parameter of its name. */
export function FilterField({ name, label, placeholder, query, grow = false }: FilterFieldProps) {
  return html`<label class=${grow ? 'grow' : undefined}>
    <span class="visually-hidden">${label}</span>
    <input name=${name} type=${grow ? 'search' : undefined} placeholder=${placeholder} value=${query.get(name) ?? ''} />
  </label>`;
}
