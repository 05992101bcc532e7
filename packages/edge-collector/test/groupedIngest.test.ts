import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { processEvent } from '../src/consumer/processEvent';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { groupByIssue } from '../src/store/groupByIssue';
import { issueGroupStatements } from '../src/store/issueGroupStatements';
import { NO_ALERTS } from '../src/types/AlertPlan';
import type { IngestMessage } from '../src/types/IngestMessage';
import { admin, type CreatedProject, createProject } from './helpers';
import { setStatus } from './issueHelpers';
import { consumeBatch, eventMessage } from './queueHelpers';
import { withTableMissing } from './withTableMissing';

const HOUR = 3_600_000;
/** A fixed hour boundary, so events fall in known hours whatever the clock says. */
const T0 = Date.UTC(2026, 0, 1, 12);
const STEP = 15 * 60_000;

/**
 * A project with a webhook and one rule: lifecycle triggers and more than 3 events in an
 * hour, throttled for an hour (checked once per issue per batch, a threshold fires at
 * most once per batch; one by one it would fire again once the throttle ends).
 */
async function alertingProject(name: string): Promise<CreatedProject> {
  const project = await createProject(name);
  const base = `/api/0/projects/${project.id}`;
  const [defaultRule] = await admin<{ id: string }[]>(`${base}/rules/`);
  await admin(`${base}/rules/${defaultRule?.id}/`, { method: 'DELETE' });
  await admin(`${base}/webhooks/`, {
    method: 'POST',
    body: JSON.stringify({ url: 'http://127.0.0.1:9/hook' }),
  });
  await admin(`${base}/rules/`, {
    method: 'POST',
    body: JSON.stringify({
      name: 'everything',
      throttleMinutes: 60,
      triggers: [
        { type: 'new_issue' },
        { type: 'regression' },
        { type: 'ignored_until_met' },
        { type: 'event_frequency', threshold: 3, windowMinutes: 60 },
      ],
    }),
  });
  return project;
}

interface Sent {
  id: string;
  issue: string;
  user: string;
  color: string;
  at: number;
}

/** The same events (same ids, times, users, tags) as messages of `project`. */
function toMessages(project: CreatedProject, events: Sent[]): IngestMessage[] {
  return events.map((event) =>
    eventMessage(
      Number(project.id),
      {
        event_id: event.id,
        message: `grouped ${event.issue}`,
        fingerprint: [event.issue],
        user: { id: event.user },
        environment: event.color,
      },
      event.at,
    ),
  );
}

/** Everything the store counted for a project, by issue title, in a stable order. */
async function snapshot(project: CreatedProject) {
  const read = async (sql: string) =>
    (await env.DB.prepare(sql).bind(Number(project.id)).all()).results;
  return {
    issues: await read(
      `SELECT title, event_count, user_count, status, is_regressed, first_seen, last_seen,
         ignore_until_count FROM issues WHERE project_id = ? ORDER BY title`,
    ),
    tags: await read(
      `SELECT i.title, t.key, t.value, t.times_seen, t.first_seen, t.last_seen
       FROM issue_tag_values t JOIN issues i ON i.id = t.issue_id
       WHERE i.project_id = ? AND t.key IN ('environment', 'user') ORDER BY 1, 2, 3`,
    ),
    hourly: await read(
      `SELECT i.title, h.hour, h.count FROM issue_hourly_counts h JOIN issues i ON i.id = h.issue_id
       WHERE i.project_id = ? ORDER BY 1, 2`,
    ),
    events: await read('SELECT count(*) AS n FROM events WHERE project_id = ?'),
    alerts: await read(
      `SELECT i.title, a.trigger, count(*) AS n FROM alerts a JOIN issues i ON i.id = a.issue_id
       WHERE a.project_id = ? GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    deliveries: await read(
      `SELECT count(*) AS n FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
       WHERE a.project_id = ?`,
    ),
  };
}

async function issueId(project: CreatedProject, issue: string): Promise<string> {
  const row = await env.DB.prepare('SELECT id FROM issues WHERE project_id = ? AND title = ?')
    .bind(Number(project.id), `grouped ${issue}`)
    .first<{ id: number }>();
  return String(row?.id);
}

let sequence = 0;
/** `count` events of `issue`, 15 minutes apart from `start`, users and colors cycling. */
function events(issue: string, count: number, start: number, users = 3): Sent[] {
  return Array.from({ length: count }, (_, i) => {
    sequence += 1;
    return {
      id: sequence.toString(16).padStart(32, 'b'),
      issue,
      user: `user-${i % users}`,
      color: ['red', 'green', 'blue'][i % 3] as string,
      at: start + i * STEP,
    };
  });
}

describe('a queue batch grouped by issue', () => {
  it('stores and alerts as if its events came one by one, through a D1 failure and redelivery', async () => {
    const oneByOne = await alertingProject('one by one');
    const batched = await alertingProject('batched');
    const apply = async (sent: Sent[], attempts = 1) => {
      for (const message of toMessages(oneByOne, sent)) await consumeBatch([message], { attempts });
      const result = await consumeBatch(toMessages(batched, sent), { attempts });
      expect(result.retryBatch.retry).toBe(false);
    };

    // One issue with six events over two hours and three users, four issues of one event.
    const first = [
      ...events('x', 6, T0),
      ...['y1', 'y2', 'y3', 'y4'].flatMap((y, i) => events(y, 1, T0 + i * 60_000)),
    ];
    // D1 fails at the batch's last write (the outbox): nothing of it is stored.
    const failing = { ...env, DB: withTableMissing(env.DB, 'alert_deliveries') };
    const failed = await consumeBatch(toMessages(batched, first), { environment: failing });
    expect(failed.retryBatch.retry).toBe(true);
    expect(await snapshot(batched)).toMatchObject({ issues: [], events: [{ n: 0 }], alerts: [] });
    await apply(first, 2);

    const after = await snapshot(batched);
    expect(after).toEqual(await snapshot(oneByOne));
    expect(after.issues[0]).toMatchObject({
      title: 'grouped x',
      event_count: 6,
      user_count: 3,
      first_seen: T0,
      last_seen: T0 + 5 * STEP,
    });
    expect(after.hourly.filter((row) => row.title === 'grouped x')).toEqual([
      { title: 'grouped x', hour: T0 / 1000, count: 4 },
      { title: 'grouped x', hour: (T0 + HOUR) / 1000, count: 2 },
    ]);
    expect(
      after.tags.filter((row) => row.title === 'grouped x' && row.key === 'environment'),
    ).toEqual(
      [
        { value: 'blue', first: 2, last: 5 },
        { value: 'green', first: 1, last: 4 },
        { value: 'red', first: 0, last: 3 },
      ].map(({ value, first, last }) => ({
        title: 'grouped x',
        key: 'environment',
        value,
        times_seen: 2,
        first_seen: T0 + first * STEP,
        last_seen: T0 + last * STEP,
      })),
    );
    // x: new issue, and 6 events in an hour passed 3 once (the throttle holds the rest).
    expect(after.alerts).toEqual([
      { title: 'grouped x', trigger: 'event_frequency', n: 1 },
      { title: 'grouped x', trigger: 'new_issue', n: 1 },
      ...['y1', 'y2', 'y3', 'y4'].map((y) => ({
        title: `grouped ${y}`,
        trigger: 'new_issue',
        n: 1,
      })),
    ]);
    expect(after.deliveries).toEqual([{ n: 6 }]);

    // x resolved regresses once; y1 ignored until 2 more events wakes on the second of
    // three; y2 ignored until 3 more users stays ignored with two new ones.
    for (const project of [oneByOne, batched]) {
      await setStatus(await issueId(project, 'x'), { status: 'resolved' });
      await setStatus(await issueId(project, 'y1'), {
        status: 'ignored',
        statusDetails: { ignoreCount: 2 },
      });
      await setStatus(await issueId(project, 'y2'), {
        status: 'ignored',
        statusDetails: { ignoreUserCount: 3 },
      });
    }
    const later = T0 + 3 * HOUR;
    const second = [
      ...events('x', 4, later),
      ...events('y1', 3, later + 60_000),
      ...events('y2', 3, later + 120_000, 2),
    ];
    // Delivered with events already stored (a resend of the first batch's) among them.
    await apply([...second, ...first.slice(0, 3)]);
    const woken = await snapshot(batched);
    expect(woken).toEqual(await snapshot(oneByOne));
    expect(
      woken.issues.map(({ title, event_count, status, is_regressed }) => ({
        title,
        event_count,
        status,
        is_regressed,
      })),
    ).toEqual([
      { title: 'grouped x', event_count: 10, status: 'unresolved', is_regressed: 1 },
      { title: 'grouped y1', event_count: 4, status: 'unresolved', is_regressed: 0 },
      { title: 'grouped y2', event_count: 4, status: 'ignored', is_regressed: 0 },
      { title: 'grouped y3', event_count: 1, status: 'unresolved', is_regressed: 0 },
      { title: 'grouped y4', event_count: 1, status: 'unresolved', is_regressed: 0 },
    ]);
    expect(woken.alerts.filter((row) => row.trigger !== 'new_issue')).toEqual([
      // The regression alert starts the rule's throttle: x's next 4 in an hour stay quiet.
      { title: 'grouped x', trigger: 'event_frequency', n: 1 },
      { title: 'grouped x', trigger: 'regression', n: 1 },
      { title: 'grouped y1', trigger: 'ignored_until_met', n: 1 },
    ]);

    // The whole second batch delivered again: nothing stored, counted or alerted twice.
    await apply(second, 2);
    expect(await snapshot(batched)).toEqual(woken);
    expect(await snapshot(oneByOne)).toEqual(woken);
  }, 120_000);

  it('counts once an event stored by another batch after the stored-events read', async () => {
    const project = await createProject('race');
    const projectId = Number(project.id);
    const [stored, fresh] = events('race', 2, T0);
    const record = (event: Sent) => {
      const raw = {
        event_id: event.id,
        message: 'race',
        fingerprint: ['race'],
        user: { id: event.user },
      };
      return processEvent(normalizeEvent(raw, event.at), { projectId, receivedAt: event.at });
    };
    await consumeBatch(toMessages(project, [stored as Sent]));
    // The statements a batch sends once its read found nothing stored: the check inside
    // the transaction is what keeps the count exact.
    const groups = groupByIssue(
      await Promise.all(
        [stored, fresh].map(async (event) => ({
          record: await record(event as Sent),
          alerts: NO_ALERTS,
        })),
      ),
    );
    await env.DB.batch(await issueGroupStatements(env.DB, groups));
    const counts = await snapshot(project);
    expect(counts.issues).toMatchObject([{ event_count: 2, user_count: 2 }]);
    expect(counts.events).toEqual([{ n: 2 }]);
    expect(counts.hourly.map((row) => row.count)).toEqual([2]);
    expect(counts.tags.filter((row) => row.key === 'user').map((row) => row.times_seen)).toEqual([
      1, 1,
    ]);
  });
});
