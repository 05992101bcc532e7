import { html } from 'htm/preact';

const LEVELS = new Set(['debug', 'info', 'warning', 'error', 'fatal']);

/** The level as a coloured word (its class comes from a fixed list, never from the event). */
export function LevelBadge(props: { level: string }) {
  const known = LEVELS.has(props.level) ? props.level : 'other';
  return html`<span class=${`level level-${known}`}>${props.level}</span>`;
}
