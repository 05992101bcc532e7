import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { runRetention } from '../src/scheduled/retentionJob';
import { MINUTE, projectWithRule, T0 } from './alertRuleHelpers';

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
  it('alerts when an issue ignored until N users reaches them', async () => {
    const { send, setStatus, alerts } = await projectWithRule({
      triggers: [{ type: 'ignored_until_met' }],
    });
    await send(T0, { user: { id: 'u1' } });
    await setStatus({ status: 'ignored', statusDetails: { ignoreUserCount: 3 } });
    await send(T0 + 1, { user: { id: 'u1' } });
    await send(T0 + 2, { user: { id: 'u2' } });
    expect(await alerts()).toHaveLength(0);
    await send(T0 + 3, { user: { id: 'u3' } });
    await send(T0 + 4, { user: { id: 'u4' } });
    expect((await alerts()).map((alert) => alert.trigger)).toEqual(['ignored_until_met']);
  });

  it('announces a new release even when its first event belongs to an ignored issue', async () => {
    const { send, setStatus, alerts } = await projectWithRule({
      triggers: [{ type: 'new_release' }],
    });
    await send(T0, { release: 'shop@1.0.0' });
    await setStatus({ status: 'ignored' });
    await send(T0 + 1, { release: 'shop@2.0.0' });
    expect((await alerts()).map((alert) => alert.window_key)).toEqual(['shop@1.0.0', 'shop@2.0.0']);
  });
});
