import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import {
  IGNORE_FOREVER,
  ignoreFor,
  ignoreUntilEvents,
  ignoreUntilUsers,
  type StatusChange,
} from '../lib/issueActions';

const DURATIONS: [string, number][] = [
  ['30 minutes', 30],
  ['2 hours', 120],
  ['24 hours', 1440],
  ['1 week', 10080],
];

/** Ignore forever, for a time, until N more events or until N more users. */
export function IgnoreMenu(props: {
  onChoose: (change: StatusChange) => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const choose = (change: StatusChange) => {
    setOpen(false);
    props.onChoose(change);
  };
  const onCount = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const count = Number(data.get('count'));
    if (!Number.isInteger(count) || count < 1) return;
    choose(data.get('unit') === 'users' ? ignoreUntilUsers(count) : ignoreUntilEvents(count));
  };
  return html`<div class="menu">
    <button type="button" aria-expanded=${open} disabled=${props.disabled} onClick=${() => setOpen(!open)}>
      Ignore…
    </button>
    ${
      open &&
      html`<div class="menu-panel" role="group" aria-label="Ignore">
        <button type="button" onClick=${() => choose(IGNORE_FOREVER)}>Forever</button>
        ${DURATIONS.map(
          ([label, minutes]) =>
            html`<button type="button" onClick=${() => choose(ignoreFor(minutes))}>For ${label}</button>`,
        )}
        <form onSubmit=${onCount} class="ignore-count">
          <label>Until <input name="count" type="number" min="1" value="100"/></label>
          <select name="unit" aria-label="more of">
            <option value="events">more events</option>
            <option value="users">more users</option>
          </select>
          <button type="submit">Ignore</button>
        </form>
      </div>`
    }
  </div>`;
}
