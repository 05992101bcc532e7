import { env, SELF } from 'cloudflare:test';
import { projectDatabase } from '../src/databases/projectDatabase';

export const ADMIN_TOKEN = env.FAULTLINE_ADMIN_TOKEN as string;
export const BASE = 'http://collector.test';

/** Calls the Worker's fetch handler as a client would. */
export async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await SELF.fetch(`${BASE}${path}`, init);
  const ingest = /^\/api\/(\d+)\/(envelope|store|security)\//.exec(path);
  if (ingest?.[1] && response.status === 200) {
    const { id } = (await response.clone().json()) as { id?: string | null };
    if (id) await waitUntilIngested(Number(ingest[1]), id);
  }
  return response;
}

/**
 * Polls `check` until it returns something other than undefined/false, or fails
 * after `timeoutMs` (generous: the machine may be loaded). For what the queue
 * consumer does after the edge answered.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined && result !== false) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await scheduler.wait(20);
  }
}

/**
 * Waits until the ingest queue's consumer stored the message of event `eventId`
 * (its receipt is written in the same transaction as the event and its counts, in the
 * project's database).
 */
export function waitUntilIngested(projectId: number, eventId: string): Promise<true> {
  return waitFor(async () => {
    const db = await projectDatabase(env, projectId);
    const row = await db
      .prepare('SELECT 1 AS found FROM ingest_receipts WHERE project_id = ? AND message_key = ?')
      .bind(projectId, eventId)
      .first();
    return row !== null || undefined;
  }, `event ${eventId} to be ingested`);
}

/** Calls the admin/read API with the bearer token and returns parsed JSON. */
export async function admin<T = unknown>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${ADMIN_TOKEN}`);
  if (init.body) headers.set('Content-Type', 'application/json');
  const response = await call(path, { ...init, headers });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T; // 204s have no body
}

export interface CreatedProject {
  id: string;
  name: string;
  publicKey: string;
  dsn: string;
}

export function createProject(
  name = 'test',
  allowedOrigins: string[] = [],
): Promise<CreatedProject> {
  return admin<CreatedProject>('/api/0/projects/', {
    method: 'POST',
    body: JSON.stringify({ name, allowedOrigins }),
  });
}

/** A Sentry envelope: header line, then one header line and one payload line per item. */
export function envelope(header: object, ...items: [object, unknown][]): string {
  const lines = [JSON.stringify(header)];
  for (const [itemHeader, payload] of items) {
    lines.push(
      JSON.stringify(itemHeader),
      typeof payload === 'string' ? payload : JSON.stringify(payload),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function sendEnvelope(project: CreatedProject, body: BodyInit, headers: HeadersInit = {}) {
  return call(`/api/${project.id}/envelope/?sentry_key=${project.publicKey}&sentry_version=7`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
    body,
  });
}

/** Changes a project's settings through the admin API (a patch, as PUT takes it). */
export function updateSettings(project: CreatedProject, settings: Record<string, unknown>) {
  return admin(`/api/0/projects/${project.id}/`, {
    method: 'PUT',
    body: JSON.stringify({ settings }),
  });
}

export interface ProjectStats {
  totals: Record<string, number>;
  outcomes: { outcome: string; category: string; reason: string; quantity: number }[];
}

export function projectStats(project: CreatedProject): Promise<ProjectStats> {
  return admin<ProjectStats>(`/api/0/projects/${project.id}/stats/`);
}

/**
 * The project's stats once `ready` holds for them: outcome counts of a request that
 * stored no event reach D1 through the queue after the answer.
 */
export function statsWhen(
  project: CreatedProject,
  ready: (stats: ProjectStats) => boolean,
): Promise<ProjectStats> {
  return waitFor(async () => {
    const stats = await projectStats(project);
    return ready(stats) ? stats : undefined;
  }, `stats of project ${project.id}`);
}

/** The quantity stats hold for one outcome, category and reason ('' = none). */
export function outcomeCount(
  stats: ProjectStats,
  outcome: string,
  category: string,
  reason = '',
): number {
  return (
    stats.outcomes.find(
      (row) => row.outcome === outcome && row.category === category && row.reason === reason,
    )?.quantity ?? 0
  );
}

export interface IssueSummary {
  id: string;
  title: string;
  culprit: string;
  count: number;
  level: string;
}

/** The project's issues and, for the first, its latest stored event. */
export async function firstIssueAndEvent<E = Record<string, unknown>>(project: CreatedProject) {
  const issues = await admin<IssueSummary[]>(`/api/0/projects/${project.id}/issues/`);
  const issue = issues[0];
  if (!issue) throw new Error('no issue was created');
  const event = await admin<E>(`/api/0/issues/${issue.id}/events/latest/`);
  return { issues, issue, event };
}
