/** The dashboard's pages and the URL of each (see README: every one is bookmarkable). */
export type Route =
  | { page: 'login' }
  | { page: 'projects' }
  | { page: 'users' }
  | { page: 'issues'; projectId: string }
  | { page: 'issue'; issueId: string; eventId?: string }
  | { page: 'performance'; projectId: string }
  | { page: 'transaction'; projectId: string; transaction: string }
  | { page: 'trace'; projectId: string; traceId: string }
  | { page: 'alerts'; projectId: string }
  | { page: 'settings'; projectId: string }
  | { page: 'stats'; projectId: string }
  | { page: 'notFound' };

const PROJECT_PAGES = ['issues', 'performance', 'alerts', 'settings', 'stats'] as const;

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The route a path names. */
export function matchRoute(path: string): Route {
  const parts = path.replace(/\/+$/, '').split('/').slice(1);
  const [first, id, second, third, ...rest] = parts;
  if (parts.length === 0 || (parts.length === 1 && first === '')) return { page: 'projects' };
  if (first === 'login' && parts.length === 1) return { page: 'login' };
  if (first === 'users' && parts.length === 1) return { page: 'users' };
  if (first === 'issues' && id && /^\d+$/.test(id)) {
    if (parts.length === 2) return { page: 'issue', issueId: id };
    if (second === 'events' && third && /^[0-9a-f-]{32,36}$/i.test(third) && !rest.length) {
      return { page: 'issue', issueId: id, eventId: third };
    }
  }
  if (first === 'projects' && id && /^\d+$/.test(id)) {
    const page = PROJECT_PAGES.find((name) => name === second);
    if (page && parts.length === 3) return { page, projectId: id };
    if (second === 'performance' && third && !rest.length) {
      const transaction = decode(third);
      if (transaction !== null) return { page: 'transaction', projectId: id, transaction };
    }
    if (second === 'traces' && third && /^[0-9a-f]{32}$/i.test(third) && !rest.length) {
      return { page: 'trace', projectId: id, traceId: third };
    }
  }
  return { page: 'notFound' };
}

/** The project a route belongs to, for the navigation bar. */
export function projectOf(route: Route): string | null {
  return 'projectId' in route ? route.projectId : null;
}
