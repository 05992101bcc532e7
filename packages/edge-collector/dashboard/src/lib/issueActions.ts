import { api } from './api';

/** A `PUT /api/0/issues/:id/` body, as the API takes it (Sentry's). */
export type StatusChange = { status: string; statusDetails?: Record<string, unknown> };

export const RESOLVE: StatusChange = { status: 'resolved' };
export const RESOLVE_NEXT_RELEASE: StatusChange = { status: 'resolvedInNextRelease' };
export const UNRESOLVE: StatusChange = { status: 'unresolved' };
export const IGNORE_FOREVER: StatusChange = { status: 'ignored' };

export const ignoreFor = (minutes: number): StatusChange => ({
  status: 'ignored',
  statusDetails: { ignoreDuration: minutes },
});
export const ignoreUntilEvents = (count: number): StatusChange => ({
  status: 'ignored',
  statusDetails: { ignoreCount: count },
});
export const ignoreUntilUsers = (count: number): StatusChange => ({
  status: 'ignored',
  statusDetails: { ignoreUserCount: count },
});

/** Applies one change to several issues (the stream's bulk actions), all at once. */
export async function changeIssues(ids: string[], change: StatusChange): Promise<void> {
  await Promise.all(ids.map((id) => api(`/api/0/issues/${id}/`, 'PUT', change)));
}

export async function deleteIssues(ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => api(`/api/0/issues/${id}/`, 'DELETE')));
}
