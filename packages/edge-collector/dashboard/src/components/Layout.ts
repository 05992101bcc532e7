import { html } from 'htm/preact';
import type { ComponentChildren } from 'preact';
import { Link } from '../lib/router';
import { projectOf, type Route } from '../lib/routes';
import { type SessionUser, signOut } from '../lib/session';

const PROJECT_TABS = [
  ['issues', 'Issues'],
  ['performance', 'Performance'],
  ['alerts', 'Alerts'],
  ['stats', 'Stats'],
  ['settings', 'Settings'],
] as const;

/** The frame of every signed-in page: the header, the project's tabs, the page. */
export function Layout(props: { route: Route; user: SessionUser; children: ComponentChildren }) {
  const projectId = projectOf(props.route);
  const current = props.route.page === 'transaction' ? 'performance' : props.route.page;
  return html`<header class="top">
      <${Link} href="/" class="brand">Faultline<//>
      <nav aria-label="Account" class="account">
        ${props.user.role === 'admin' && html`<${Link} href="/users">Users<//>`}
        <span class="who" title=${props.user.role}>${props.user.email}</span>
        <button type="button" class="link" onClick=${() => signOut()}>Sign out</button>
      </nav>
    </header>
    ${
      projectId &&
      html`<nav aria-label="Project" class="tabs">
        <${Link} href="/">Projects<//>
        ${PROJECT_TABS.map(
          ([page, label]) =>
            html`<${Link}
              href=${`/projects/${projectId}/${page}`}
              aria-current=${current === page ? 'page' : undefined}
              >${label}<//
            >`,
        )}
      </nav>`
    }
    <main id="main">${props.children}</main>`;
}
