import type { IRequest } from 'itty-router';
import { findInDatabases } from '../databases/findInDatabases';
import { issueDatabase } from '../databases/issueDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import {
  type EventDetails,
  selectEvent,
  selectIssueEvents,
  selectLatestEvent,
} from '../store/eventReads';
import { selectIssue } from '../store/issues';

function toEventJson(event: EventDetails) {
  return {
    ...event.payload,
    eventID: event.eventId,
    issueId: String(event.issueId),
    projectId: String(event.projectId),
    dateCreated: new Date(event.occurredAt).toISOString(),
    dateReceived: new Date(event.receivedAt).toISOString(),
  };
}

/** A list entry: what tells events apart, without the whole payload. */
function toEventSummary(event: EventDetails) {
  const { payload } = event;
  return {
    eventID: event.eventId,
    dateCreated: new Date(event.occurredAt).toISOString(),
    dateReceived: new Date(event.receivedAt).toISOString(),
    level: event.level,
    release: payload.release ?? null,
    environment: payload.environment ?? null,
    user: payload.user ?? null,
    tags: payload.tags ?? null,
  };
}

/** The issue's id and the database holding it (named by the id's range). */
async function requireIssue(
  request: IRequest,
  env: Env,
): Promise<{ issueId: number; db: D1Database }> {
  const issueId = parseId(request.params.issueId, 'issue');
  const db = issueDatabase(env, issueId);
  if (!db || !(await selectIssue(db, issueId))) throw new ClientError(404, 'no such issue');
  return { issueId, db };
}

/** `GET /api/0/issues/:issueId/events/latest/` → the newest stored event of an issue. */
export async function latestEventRoute(request: IRequest, env: Env): Promise<Response> {
  const { issueId, db } = await requireIssue(request, env);
  const event = await selectLatestEvent(db, issueId);
  if (!event) throw new ClientError(404, 'this issue has no stored event');
  return json(event);
}

/**
 * `GET /api/0/issues/:issueId/events/?cursor=&limit=&full=true` → the issue's
 * events, newest first, paginated with a `Link` header; `full=true` gives whole events.
 */
export async function listIssueEventsRoute(request: IRequest, env: Env): Promise<Response> {
  const { issueId, db } = await requireIssue(request, env);
  const url = new URL(request.url);
  const limit = Number(url.searchParams.get('limit') ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new ClientError(400, 'limit must be an integer from 1 to 100');
  }
  const cursor = url.searchParams.get('cursor');
  const match = cursor ? /^(\d{1,16}):(\d{1,15})$/.exec(cursor) : null;
  if (cursor && !match) throw new ClientError(400, 'cursor must be a value from a Link header');
  const before = match ? { receivedAt: Number(match[1]), rowid: Number(match[2]) } : undefined;
  const rows = await selectIssueEvents(db, issueId, limit + 1, before);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next = new URL(url);
  if (last) next.searchParams.set('cursor', `${last.receivedAt}:${last.rowid}`);
  const link = `<${next}>; rel="next"; results="${rows.length > limit}"; cursor="${next.searchParams.get('cursor') ?? ''}"`;
  const full = url.searchParams.get('full') === 'true';
  const body = full ? page.map(toEventJson) : page.map(toEventSummary);
  return json(body, { headers: { Link: link } });
}

/** `GET /api/0/events/:eventId/` → one stored event with its issue and project. */
export async function getEventRoute(request: IRequest, env: Env): Promise<Response> {
  const eventId = (request.params.eventId ?? '').replaceAll('-', '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(eventId)) throw new ClientError(400, 'invalid event id');
  const event = await findInDatabases(env, (db) => selectEvent(db, eventId));
  if (!event) throw new ClientError(404, 'no such event');
  return json(toEventJson(event));
}
