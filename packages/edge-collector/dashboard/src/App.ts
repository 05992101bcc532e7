import { html } from 'htm/preact';
import { useEffect } from 'preact/hooks';
import { Layout } from './components/Layout';
import { goToLogin } from './lib/api';
import { navigate, useLocation } from './lib/router';
import { matchRoute, type Route } from './lib/routes';
import { loadSession, useSessionUser } from './lib/session';
import { AlertsPage } from './pages/AlertsPage';
import { IssuePage } from './pages/IssuePage';
import { IssuesPage } from './pages/IssuesPage';
import { LoginPage } from './pages/LoginPage';
import { PerformancePage } from './pages/PerformancePage';
import { ProjectsPage } from './pages/ProjectsPage';
import { SettingsPage } from './pages/SettingsPage';
import { StatsPage } from './pages/StatsPage';
import { TracePage } from './pages/TracePage';
import { TransactionPage } from './pages/TransactionPage';
import { UsersPage } from './pages/UsersPage';

function page(route: Route) {
  switch (route.page) {
    case 'projects':
      return html`<${ProjectsPage} />`;
    case 'users':
      return html`<${UsersPage} />`;
    case 'issues':
      return html`<${IssuesPage} projectId=${route.projectId} />`;
    case 'issue':
      return html`<${IssuePage} issueId=${route.issueId} eventId=${route.eventId} />`;
    case 'performance':
      return html`<${PerformancePage} projectId=${route.projectId} />`;
    case 'transaction':
      return html`<${TransactionPage}
        projectId=${route.projectId}
        transaction=${route.transaction}
      />`;
    case 'trace':
      return html`<${TracePage} projectId=${route.projectId} traceId=${route.traceId} />`;
    case 'alerts':
      return html`<${AlertsPage} projectId=${route.projectId} />`;
    case 'settings':
      return html`<${SettingsPage} projectId=${route.projectId} />`;
    case 'stats':
      return html`<${StatsPage} projectId=${route.projectId} />`;
    default:
      return html`<h1>Page not found</h1><p>No page has this address.</p>`;
  }
}

/** The whole app: who is signed in decides between the sign-in page and the rest. */
export function App() {
  const { path } = useLocation();
  const user = useSessionUser();
  const route = matchRoute(path);
  useEffect(() => {
    loadSession().catch(() => undefined);
  }, []);
  useEffect(() => {
    if (user === null && route.page !== 'login') goToLogin();
    if (user && route.page === 'login') navigate('/', true);
  }, [user, route.page]);
  if (route.page === 'login') return html`<${LoginPage} />`;
  if (!user) return html`<main class="loading" aria-busy="true"><p>Loading…</p></main>`;
  return html`<${Layout} route=${route} user=${user}>${page(route)}<//>`;
}
