import { describe, expect, it } from 'vitest';
import { MINUTE, projectWithRule, T0 } from './alertRuleHelpers';

/** A rule that fires on every event that passes `filters`. */
const everyEvent = (filters: object) => ({
  triggers: [{ type: 'event_frequency', threshold: 0, windowMinutes: 60 }],
  throttleMinutes: 0,
  filters,
});

describe('alert rule filters', () => {
  it('applies level, environment, tag and issue age filters', async () => {
    const { send, alerts } = await projectWithRule(
      everyEvent({
        level: 'error',
        environment: 'production',
        tags: { browser: 'Chrome' },
        issueAge: { olderThanMinutes: 10 },
      }),
    );
    const good = { environment: 'production', tags: { browser: 'Chrome' } };
    await send(T0, { ...good, level: 'fatal' }); // issue too new
    await send(T0 + 11 * MINUTE, { ...good, level: 'warning' });
    await send(T0 + 12 * MINUTE, { ...good, environment: 'staging' });
    await send(T0 + 13 * MINUTE, { ...good, tags: [['browser', 'Firefox']] });
    expect(await alerts()).toHaveLength(0);
    await send(T0 + 14 * MINUTE, good);
    expect(await alerts()).toHaveLength(1);
  });

  it('takes a level filter as "at least": warning and fatal pass a warning filter, info and debug do not', async () => {
    const { send, alerts } = await projectWithRule(everyEvent({ level: 'warning' }));
    await send(T0, { level: 'info' });
    await send(T0 + 1, { level: 'debug' });
    expect(await alerts()).toHaveLength(0);
    await send(T0 + 2, { level: 'warning' });
    await send(T0 + 3, { level: 'fatal' });
    expect(await alerts()).toHaveLength(2);
  });

  it('alerts only on events of the release a rule names', async () => {
    const { send, alerts } = await projectWithRule(everyEvent({ release: 'shop@2.0.0' }));
    await send(T0, { release: 'shop@1.0.0' });
    await send(T0 + 1);
    expect(await alerts()).toHaveLength(0);
    await send(T0 + 2, { release: 'shop@2.0.0' });
    expect(await alerts()).toHaveLength(1);
  });

  it('alerts only while an issue is younger than newerThanMinutes', async () => {
    const { send, alerts } = await projectWithRule(
      everyEvent({ issueAge: { newerThanMinutes: 5 } }),
    );
    await send(T0);
    await send(T0 + 4 * MINUTE);
    await send(T0 + 6 * MINUTE);
    expect(await alerts()).toHaveLength(2);
  });
});

describe('the throttle of a spike rule', () => {
  it('fires once per interval for the whole project and then counts the errors it held back', async () => {
    const { send, alerts } = await projectWithRule({
      triggers: [{ type: 'spike', threshold: 2, windowMinutes: 5 }],
      throttleMinutes: 10,
    });
    for (let i = 0; i < 3; i++) await send(T0 + i, { fingerprint: `a-${i}` });
    expect(await alerts()).toHaveLength(1);
    for (let i = 0; i < 6; i++) await send(T0 + MINUTE + i, { fingerprint: `b-${i}` });
    await send(T0 + MINUTE + 10, { fingerprint: 'quiet', level: 'info' }); // not an error
    expect(await alerts()).toHaveLength(1);
    for (let i = 0; i < 3; i++) await send(T0 + 11 * MINUTE + i, { fingerprint: `c-${i}` });
    const [first, second] = await alerts();
    expect(first).toMatchObject({ trigger: 'spike', subject_id: 0, suppressed_events: 0 });
    // Six held back inside the interval, two more before the count passed the threshold.
    expect(second).toMatchObject({ trigger: 'spike', subject_id: 0, suppressed_events: 8 });
  });
});
