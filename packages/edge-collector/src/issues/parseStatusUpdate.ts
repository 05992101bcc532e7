import { ClientError } from '../http/ClientError';
import type { StatusChange } from '../store/issueChanges';

function positiveInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ClientError(400, `statusDetails.${name} must be a positive integer`);
  }
  return value;
}

function parseIgnore(details: Record<string, unknown>, now: number): StatusChange {
  const change: StatusChange = { status: 'ignored' };
  if (details.ignoreDuration !== undefined) {
    change.ignoreUntil = now + positiveInteger(details.ignoreDuration, 'ignoreDuration') * 60_000;
  }
  if (details.ignoreUntil !== undefined) {
    const until = typeof details.ignoreUntil === 'string' ? Date.parse(details.ignoreUntil) : NaN;
    if (Number.isNaN(until)) {
      throw new ClientError(400, 'statusDetails.ignoreUntil must be an ISO 8601 date');
    }
    change.ignoreUntil = until;
  }
  if (details.ignoreCount !== undefined) {
    change.ignoreCount = positiveInteger(details.ignoreCount, 'ignoreCount');
  }
  if (details.ignoreUserCount !== undefined) {
    change.ignoreUserCount = positiveInteger(details.ignoreUserCount, 'ignoreUserCount');
  }
  return change;
}

function parseResolve(details: Record<string, unknown>): StatusChange {
  if (details.inRelease !== undefined) {
    if (typeof details.inRelease !== 'string' || !details.inRelease.trim()) {
      throw new ClientError(400, 'statusDetails.inRelease must be a release version');
    }
    return { status: 'resolved', resolvedMode: 'inRelease', resolvedRelease: details.inRelease };
  }
  if (details.inNextRelease === true) return { status: 'resolved', resolvedMode: 'inNextRelease' };
  return { status: 'resolved' };
}

/**
 * A `PUT /api/0/issues/:id/` body, as Sentry's API takes it:
 * `{"status": "resolved", "statusDetails": {"inRelease": "shop@1.4.0"}}`,
 * `{"status": "resolvedInNextRelease"}` (or `statusDetails.inNextRelease`),
 * `{"status": "ignored", "statusDetails": {"ignoreDuration": 60}}` (minutes; or
 * `ignoreUntil` ISO date, `ignoreCount`, `ignoreUserCount`: the first condition
 * met wakes the issue), `{"status": "unresolved"}`.
 */
export function parseStatusUpdate(body: Record<string, unknown>, now: number): StatusChange {
  const details = body.statusDetails ?? {};
  if (typeof details !== 'object' || details === null || Array.isArray(details)) {
    throw new ClientError(400, 'statusDetails must be an object');
  }
  const fields = details as Record<string, unknown>;
  switch (body.status) {
    case 'unresolved':
      return { status: 'unresolved' };
    case 'resolved':
      return parseResolve(fields);
    case 'resolvedInNextRelease':
      return { status: 'resolved', resolvedMode: 'inNextRelease' };
    case 'ignored':
      return parseIgnore(fields, now);
    default:
      throw new ClientError(
        400,
        'status must be unresolved, resolved, resolvedInNextRelease or ignored',
      );
  }
}
