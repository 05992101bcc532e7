import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { alertStatements } from '../src/alerts/alertStatements';
import { eventFacts } from '../src/alerts/eventFacts';
import { processEvent } from '../src/ingest/processEvent';
import { randomHex } from '../src/lib/randomHex';
import { runRetention } from '../src/scheduled/retentionJob';
import { selectAlertSetup } from '../src/store/alertRules';
import { insertEvent } from '../src/store/events';
import { admin, createProject } from './helpers';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1, 12);

interface AlertRow {
  trigger: string;
  subject_id: number;
  window_key: string;
  suppressed_events: number;
  observed: number | null;
  fired_at: number;
}

/** A project with one webhook and exactly the given rule (the default rule removed). */
async function projectWithRule(rule: object) {
  const project = await createProject('alerts');
  const base = `/api/0/projects/${project.id}`;
  const [defaultRule] = await admin<{ id: string }[]>(`${base}/rules/`);
  await admin(`${base}/rules/${defaultRule?.id}/`, { method: 'DELETE' });
  await admin(`${base}/webhooks/`, {
    method: 'POST',
    body: JSON.stringify({ url: 'http://127.0.0.1:9/hook' }),
  });
  await admin(`${base}/rules/`, {
    method: 'POST',
    body: JSON.stringify({ name: 'rule', ...rule }),
  });
  const projectId = Number(project.id);

  /** Stores one event at `at`, with the rules' statements appended, as ingestion does. */
  async function send(at: number, event: Record<string, unknown> = {}, eventId = randomHex(16)) {
    const { fingerprint = 'issue-a', ...rest } = event;
    const raw = { event_id: eventId, message: 'boom', fingerprint: [fingerprint], ...rest };
    const record = await processEvent(raw, { projectId, receivedAt: at });
    const setup = await selectAlertSetup(env.DB, projectId);
    const { statements } = alertStatements(env.DB, record, eventFacts(record, true), setup);
    await insertEvent(env.DB, record, statements);
    return eventId;
  }

  /** Changes the status of the project's only issue through the API. */
  async function setStatus(body: object) {
    const [issue] = await admin<{ id: string }[]>(`${base}/issues/?query=`);
    await admin(`/api/0/issues/${issue?.id}/`, { method: 'PUT', body: JSON.stringify(body) });
  }

  async function alerts(): Promise<AlertRow[]> {
    const { results } = await env.DB.prepare(
      'SELECT * FROM alerts WHERE project_id = ? ORDER BY id',
    )
      .bind(projectId)
      .all<AlertRow>();
    return results;
  }

  async function deliveries(): Promise<number> {
    const row = await env.DB.prepare(
      `SELECT count(*) AS n FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
       WHERE a.project_id = ?`,
    )
      .bind(projectId)
      .first<{ n: number }>();
    return row?.n ?? 0;
  }

  return { send, setStatus, alerts, deliveries };
}

describe('alert triggers in the event batch', () => {
  it('alerts once for a new issue, however many of its events arrive at once', async () => {
    const { send, alerts, deliveries } = await projectWithRule({
      triggers: [{ type: 'new_issue' }],
    });
    await Promise.all(Array.from({ length: 50 }, (_, i) => send(T0 + i)));
    await send(T0 + 100, { fingerprint: 'issue-b' });
    expect((await alerts()).map((alert) => alert.trigger)).toEqual(['new_issue', 'new_issue']);
    expect(await deliveries()).toBe(2);
  });

  it('does not alert again when an SDK resends the first event', async () => {
    const { send, alerts } = await projectWithRule({ triggers: [{ type: 'new_issue' }] });
    const eventId = await send(T0);
    await send(T0 + 5, {}, eventId);
    expect(await alerts()).toHaveLength(1);
  });

  it('alerts on each regression of a resolved issue', async () => {
    const { send, setStatus, alerts } = await projectWithRule({
      triggers: [{ type: 'new_issue' }, { type: 'regression' }],
    });
    await send(T0);
    await setStatus({ status: 'resolved' });
    await Promise.all([send(T0 + MINUTE), send(T0 + MINUTE + 1), send(T0 + MINUTE + 2)]);
    await setStatus({ status: 'resolved' });
    await send(T0 + 2 * MINUTE);
    expect((await alerts()).map((alert) => alert.trigger)).toEqual([
      'new_issue',
      'regression',
      'regression',
    ]);
  });

  it('stays quiet while an issue is ignored and alerts when its ignore ends', async () => {
    const { send, setStatus, alerts } = await projectWithRule({
      triggers: [
        { type: 'ignored_until_met' },
        { type: 'event_frequency', threshold: 0, windowMinutes: 60 },
      ],
      throttleMinutes: 0,
    });
    await send(T0);
    await setStatus({ status: 'ignored', statusDetails: { ignoreCount: 4 } });
    await send(T0 + 1);
    await send(T0 + 2);
    expect(await alerts()).toHaveLength(1); // the first event, before the ignore
    await send(T0 + 3);
    await send(T0 + 4); // four events after the ignore: it is over
    expect((await alerts()).map((alert) => alert.trigger)).toEqual([
      'event_frequency',
      'ignored_until_met',
    ]);
  });

  it('alerts once on the first event after an ignore until a time ends, with or without the cron waking the issue first', async () => {
    for (const cronRunsFirst of [false, true]) {
      const { send, setStatus, alerts } = await projectWithRule({
        triggers: [{ type: 'ignored_until_met' }],
        throttleMinutes: 0,
      });
      await send(T0);
      const until = new Date(T0 + 10 * MINUTE).toISOString();
      await setStatus({ status: 'ignored', statusDetails: { ignoreUntil: until } });
      await send(T0 + MINUTE);
      if (cronRunsFirst) await runRetention(env.DB, T0 + 11 * MINUTE);
      expect(await alerts()).toHaveLength(0);
      await send(T0 + 12 * MINUTE);
      await send(T0 + 13 * MINUTE);
      expect((await alerts()).map((alert) => alert.trigger)).toEqual(['ignored_until_met']);
    }
  });

  it('does not alert on an issue the cron woke when someone changed its status since', async () => {
    const { send, setStatus, alerts } = await projectWithRule({
      triggers: [{ type: 'ignored_until_met' }],
    });
    await send(T0);
    const until = new Date(T0 + 10 * MINUTE).toISOString();
    await setStatus({ status: 'ignored', statusDetails: { ignoreUntil: until } });
    await runRetention(env.DB, T0 + 11 * MINUTE);
    await setStatus({ status: 'unresolved' });
    await send(T0 + 12 * MINUTE);
    expect(await alerts()).toHaveLength(0);
  });

  it('fires a frequency rule past its threshold, not before, then throttles it', async () => {
    const { send, alerts } = await projectWithRule({
      triggers: [{ type: 'event_frequency', threshold: 3, windowMinutes: 10 }],
      throttleMinutes: 30,
    });
    for (let i = 0; i < 3; i++) await send(T0 + i * MINUTE);
    expect(await alerts()).toHaveLength(0);
    await send(T0 + 3 * MINUTE);
    expect(await alerts()).toMatchObject([{ trigger: 'event_frequency', observed: 4 }]);

    for (let i = 4; i < 20; i++) await send(T0 + i * MINUTE); // within the throttle
    expect(await alerts()).toHaveLength(1);

    for (let i = 0; i < 4; i++) await send(T0 + 34 * MINUTE + i); // after it
    const [, second] = await alerts();
    // 16 throttled events, and three of the four new ones before the threshold.
    expect(second).toMatchObject({ trigger: 'event_frequency', suppressed_events: 19 });
  });

  it('counts distinct users, not events, for a users rule', async () => {
    const { send, alerts } = await projectWithRule({
      triggers: [{ type: 'user_frequency', threshold: 2, windowMinutes: 60 }],
    });
    for (let i = 0; i < 5; i++) await send(T0 + i, { user: { id: 'u1' } });
    await send(T0 + 10, { user: { id: 'u2' } });
    expect(await alerts()).toHaveLength(0);
    await send(T0 + 20, { user: { id: 'u3' } });
    expect(await alerts()).toMatchObject([{ trigger: 'user_frequency', observed: 3 }]);
  });

  it('fires a spike rule on a project’s errors across issues, once per interval', async () => {
    const { send, alerts } = await projectWithRule({
      triggers: [{ type: 'spike', threshold: 4, windowMinutes: 5 }],
    });
    for (let i = 0; i < 4; i++) await send(T0 + i, { fingerprint: `issue-${i}` });
    await send(T0 + 10, { fingerprint: 'quiet', level: 'warning' });
    expect(await alerts()).toHaveLength(0);
    for (let i = 0; i < 5; i++) await send(T0 + 20 + i, { fingerprint: `more-${i}` });
    expect(await alerts()).toMatchObject([{ trigger: 'spike', subject_id: 0, observed: 5 }]);
  });

  it('fires on the first event of each new release only', async () => {
    const { send, alerts } = await projectWithRule({ triggers: [{ type: 'new_release' }] });
    await send(T0, { release: 'shop@1.0.0' });
    await send(T0 + 1, { release: 'shop@1.0.0', fingerprint: 'other' });
    await send(T0 + 2, { release: 'shop@1.1.0' });
    await send(T0 + 3);
    expect((await alerts()).map((alert) => alert.window_key)).toEqual(['shop@1.0.0', 'shop@1.1.0']);
  });

  it('applies level, environment, tag and issue age filters', async () => {
    const { send, alerts } = await projectWithRule({
      triggers: [{ type: 'event_frequency', threshold: 0, windowMinutes: 60 }],
      throttleMinutes: 0,
      filters: {
        level: 'error',
        environment: 'production',
        tags: { browser: 'Chrome' },
        issueAge: { olderThanMinutes: 10 },
      },
    });
    const good = { environment: 'production', tags: { browser: 'Chrome' } };
    await send(T0, { ...good, level: 'fatal' }); // issue too new
    await send(T0 + 11 * MINUTE, { ...good, level: 'warning' });
    await send(T0 + 12 * MINUTE, { ...good, environment: 'staging' });
    await send(T0 + 13 * MINUTE, { ...good, tags: [['browser', 'Firefox']] });
    expect(await alerts()).toHaveLength(0);
    await send(T0 + 14 * MINUTE, good);
    expect(await alerts()).toHaveLength(1);
  });
});
