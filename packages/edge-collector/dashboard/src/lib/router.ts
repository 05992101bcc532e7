import { html } from 'htm/preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

// History-API routing: every page has its own URL, so it can be bookmarked, shared
// and reached with the back button. Pages read their state from the URL.

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
addEventListener('popstate', notify);

/** Goes to `href` (same origin); `replace` for changes that should not add a history entry. */
export function navigate(href: string, replace = false): void {
  if (href === location.pathname + location.search) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', href);
  if (!replace) scrollTo(0, 0);
  notify();
}

/** The current path and query; re-renders the caller when they change. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((tick) => tick + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

/** An in-app link: a real `<a href>` (open in a new tab works) that navigates without a reload. */
export function Link(props: {
  href: string;
  class?: string;
  title?: string;
  'aria-current'?: string;
  children?: ComponentChildren;
}) {
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(props.href);
  };
  return html`<a ...${props} onClick=${onClick}>${props.children}</a>`;
}
