import { html } from 'htm/preact';
import { navigate } from '../lib/router';
import { FilterField } from './FilterField';

export const TABS = [
  ['unresolved', 'Unresolved'],
  ['resolved', 'Resolved'],
  ['ignored', 'Ignored'],
  ['all', 'All'],
] as const;

const SORTS = [
  ['lastSeen', 'Last seen'],
  ['firstSeen', 'First seen'],
  ['count', 'Events'],
  ['users', 'Users'],
] as const;

const LEVELS = ['', 'fatal', 'error', 'warning', 'info', 'debug'];

/** Changes one query parameter of the stream's URL (no new history entry). */
function setParam(query: URLSearchParams, name: string, value: string) {
  const next = new URLSearchParams(query);
  if (value) next.set(name, value);
  else next.delete(name);
  navigate(`${location.pathname}?${next}`, true);
}

/** The stream's tabs, search box, filters and sort; all of it lives in the URL. */
export function IssueFilters(props: { query: URLSearchParams }) {
  const { query } = props;
  const tab = query.get('status') ?? 'unresolved';
  const onSearch = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const next = new URLSearchParams(query);
    for (const name of ['query', 'environment', 'release']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) next.set(name, value);
      else next.delete(name);
    }
    navigate(`${location.pathname}?${next}`, true);
  };
  return html`<div class="filters">
    <nav class="segmented" aria-label="Status">
      ${TABS.map(
        ([value, label]) =>
          html`<button
            type="button"
            aria-pressed=${tab === value}
            onClick=${() => setParam(query, 'status', value === 'unresolved' ? '' : value)}
          >
            ${label}
          </button>`,
      )}
    </nav>
    <form class="search" onSubmit=${onSearch} role="search">
      <${FilterField} name="query" label="Search titles and culprits" placeholder="Search" query=${query} grow />
      <${FilterField} name="environment" label="Environment" placeholder="environment" query=${query} />
      <${FilterField} name="release" label="Release" placeholder="release" query=${query} />
      <button type="submit">Search</button>
    </form>
    <div class="selects">
      <label>
        Level
        <select onChange=${(event: Event) => setParam(query, 'level', (event.target as HTMLSelectElement).value)}>
          ${LEVELS.map(
            (level) =>
              html`<option value=${level} selected=${(query.get('level') ?? '') === level}>
                ${level || 'any'}
              </option>`,
          )}
        </select>
      </label>
      <label>
        Sort
        <select onChange=${(event: Event) => setParam(query, 'sort', (event.target as HTMLSelectElement).value)}>
          ${SORTS.map(
            ([value, label]) =>
              html`<option value=${value} selected=${(query.get('sort') ?? 'lastSeen') === value}>
                ${label}
              </option>`,
          )}
        </select>
      </label>
    </div>
  </div>`;
}
