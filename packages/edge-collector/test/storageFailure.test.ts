import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../src/index';
import {
  admin,
  BASE,
  type CreatedProject,
  createProject,
  envelope,
  outcomeCount,
  projectStats,
} from './helpers';
import { newEventId, onlyIssue, sendEvent } from './issueHelpers';

/**
 * The real local D1, except that statements naming `table` get a table that
 * does not exist: D1 itself fails them (`no such table`), mid-batch included,
 * while other test files sharing the database are not disturbed.
 */
function withTableMissing(db: D1Database, table: string): D1Database {
  const pattern = new RegExp(`\\b${table}\\b`, 'g');
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => target.prepare(sql.replace(pattern, `${table}_unavailable`));
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Sends an envelope to the Worker running with D1 missing `table`. */
async function sendWithTableMissing(project: CreatedProject, table: string, body: string) {
  const request = new Request(
    `${BASE}/api/${project.id}/envelope/?sentry_key=${project.publicKey}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body,
    },
  );
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    request as Request<unknown, IncomingRequestCfProperties>,
    { ...env, DB: withTableMissing(env.DB, table) },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

function errorEvent(eventId: string) {
  return {
    event_id: eventId,
    platform: 'javascript',
    exception: { values: [{ type: 'TypeError', value: 'cart is undefined' }] },
  };
}

describe('when D1 fails', () => {
  it.each([
    ['project_keys', 'reading the DSN key'],
    ['rate_limit_windows', 'taking rate-limit quota'],
    ['issue_hourly_counts', 'the last statements of the event batch'],
    ['events', 'inserting the event row'],
  ])(
    'answers 503 with Retry-After when %s is unavailable (%s) and loses nothing stored',
    async (table) => {
      const project = await createProject();
      const first = errorEvent(newEventId());
      await sendEvent(project, first);

      const second = errorEvent(newEventId());
      const failed = await sendWithTableMissing(
        project,
        table,
        envelope({ event_id: second.event_id }, [{ type: 'event' }, second]),
      );
      expect(failed.status).toBe(503);
      expect(failed.headers.get('Retry-After')).toBe('60');
      const detail = ((await failed.json()) as { detail: string }).detail;
      expect(detail).toBe('storage is unavailable, retry later');
      expect(failed.headers.get('X-Sentry-Error')).toBe(detail);

      // The batch was one transaction: the issue kept its count and its first event.
      const issue = await onlyIssue(project);
      expect(issue.count).toBe(1);
      const events = await admin<{ eventID: string }[]>(`/api/0/issues/${issue.id}/events/`);
      expect(events.map((event) => event.eventID)).toEqual([first.event_id]);
      const stored = await admin<{ event_id: string }>(`/api/0/events/${first.event_id}/`);
      expect(stored.event_id).toBe(first.event_id);
      // Only what was stored is counted accepted.
      expect(outcomeCount(await projectStats(project), 'accepted', 'error')).toBe(1);

      // The SDK's retry, once D1 is back, is stored and counted.
      await sendEvent(project, second);
      expect((await onlyIssue(project)).count).toBe(2);
      expect(outcomeCount(await projectStats(project), 'accepted', 'error')).toBe(2);
    },
  );

  it('answers 503 for a transaction that cannot be stored, and counts it nowhere', async () => {
    const project = await createProject();
    const transaction = { transaction: '/checkout', start_timestamp: 1, timestamp: 2 };
    const failed = await sendWithTableMissing(
      project,
      'transactions',
      envelope({}, [{ type: 'transaction' }, transaction]),
    );
    expect(failed.status).toBe(503);
    expect(failed.headers.get('Retry-After')).toBe('60');
    expect(await admin(`/api/0/projects/${project.id}/transactions/`)).toEqual([]);
    expect(outcomeCount(await projectStats(project), 'accepted', 'transaction')).toBe(0);
  });

  it('still stores the event when only counting outcomes fails', async () => {
    const project = await createProject();
    const event = errorEvent(newEventId());
    const response = await sendWithTableMissing(
      project,
      'project_outcomes',
      envelope({}, [{ type: 'event' }, event]),
    );
    expect(response.status).toBe(200);
    expect((await onlyIssue(project)).count).toBe(1);
  });
});
