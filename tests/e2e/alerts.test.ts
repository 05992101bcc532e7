import { describe, expect, it } from 'vitest';
import { projectWithReceiver, settle } from './harness/alertSetup';
import { sharedCollector, waitFor } from './harness/collector';
import { sendError } from './harness/sendEvent';
import { hasValidSignature } from './harness/webhookReceiver';

describe('alerts to a real webhook receiver', () => {
  const collector = sharedCollector();

  it('alerts once for a new issue, signed so the receiver can verify it', async () => {
    const { project, hook, receiver } = await projectWithReceiver(collector);
    const eventId = await sendError(collector, project, { release: 'shop@1.4.0' });
    const [delivery] = await waitFor(async () =>
      receiver.received.length > 0 ? receiver.received : undefined,
    );
    await sendError(collector, project);
    await sendError(collector, project);
    await settle(collector);
    expect(receiver.received).toHaveLength(1);

    expect(delivery?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-faultline-event': 'alert.new_issue',
      'x-faultline-delivery': expect.stringMatching(/^[0-9a-f]{32}$/),
      'x-faultline-timestamp': expect.stringMatching(/^\d{10}$/),
      'x-faultline-signature': expect.stringMatching(/^v1=[0-9a-f]{64}$/),
    });
    expect(
      Math.abs(Number(delivery?.headers['x-faultline-timestamp']) - Date.now() / 1000),
    ).toBeLessThan(60);
    expect(delivery?.json).toMatchObject({
      id: delivery?.headers['x-faultline-delivery'],
      type: 'alert.new_issue',
      trigger: 'new_issue',
      rule: { name: 'New issues and regressions' },
      project: { id: project.id, name: 'alerts' },
      issue: {
        title: "TypeError: Cannot read properties of undefined (reading 'items')",
        culprit: 'checkout(app.js)',
        level: 'error',
        status: 'unresolved',
        count: 1,
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/issues\/\d+$/),
      },
      event: {
        id: eventId,
        release: 'shop@1.4.0',
        environment: 'production',
        tags: { browser: 'Chrome' },
        frames: [
          { function: 'checkout', filename: 'https://shop.test/static/app.js', lineno: 12 },
          {},
        ],
      },
      suppressedEvents: 0,
    });
    expect(delivery?.json.message).toMatch(/^New issue in alerts: TypeError/);

    // The issue link opens the dashboard's issue page; the same issue is in the read API.
    const linked = await fetch(delivery?.json.issue.url);
    expect(linked.status).toBe(200);
    expect(linked.headers.get('content-type')).toMatch(/^text\/html/);
    const issue = await collector.api(`/api/0/issues/${delivery?.json.issue.id}/`);
    expect(issue).toMatchObject({ id: delivery?.json.issue.id, count: 3 });

    // A bad signature is detectable: a wrong secret, or a body changed on the way.
    if (!delivery) throw new Error('no delivery');
    expect(hasValidSignature(delivery, hook.secret)).toBe(true);
    expect(hasValidSignature(delivery, `${hook.secret}x`)).toBe(false);
    expect(
      hasValidSignature(
        { ...delivery, body: delivery.body.replace('error', 'fatal') },
        hook.secret,
      ),
    ).toBe(false);
  });

  it('alerts once for a burst of 200 events of a new issue', async () => {
    const { project, receiver } = await projectWithReceiver(collector);
    const eventIds = await Promise.all(
      Array.from({ length: 200 }, () => sendError(collector, project, { type: 'BurstError' })),
    );
    expect(new Set(eventIds).size).toBe(200);
    await waitFor(async () => (receiver.received.length > 0 ? true : undefined));
    await settle(collector, 2000);
    expect(receiver.received).toHaveLength(1);
    const issues = await collector.api<{ count: number }[]>(
      `/api/0/projects/${project.id}/issues/`,
    );
    expect(issues.map((issue) => issue.count)).toEqual([200]);
  });

  it('alerts when a resolved issue regresses', async () => {
    const { project, receiver } = await projectWithReceiver(collector);
    await sendError(collector, project, { type: 'RegressionError' });
    await waitFor(async () => (receiver.received.length > 0 ? true : undefined));
    const [issue] = await collector.api<{ id: string }[]>(`/api/0/projects/${project.id}/issues/`);
    await collector.api(`/api/0/issues/${issue?.id}/`, {
      method: 'PUT',
      body: JSON.stringify({ status: 'resolved' }),
    });
    await Promise.all(
      [1, 2, 3].map(() => sendError(collector, project, { type: 'RegressionError' })),
    );
    const [, regression] = await waitFor(async () =>
      receiver.received.length > 1 ? receiver.received : undefined,
    );
    await settle(collector);
    expect(receiver.received.map((delivery) => delivery.json.trigger)).toEqual([
      'new_issue',
      'regression',
    ]);
    expect(regression?.headers['x-faultline-event']).toBe('alert.regression');
    expect(regression?.json).toMatchObject({
      issue: { id: issue?.id, status: 'unresolved' },
      rule: { name: 'New issues and regressions' },
    });
    expect(regression?.json.message).toMatch(/^Regression in alerts: RegressionError/);
  });

  it('fires a frequency rule past its threshold and not before', async () => {
    const { project, receiver } = await projectWithReceiver(collector, {
      rule: { triggers: [{ type: 'event_frequency', threshold: 5, windowMinutes: 10 }] },
    });
    for (let i = 0; i < 5; i++) await sendError(collector, project);
    await settle(collector);
    expect(receiver.received).toHaveLength(0);

    await sendError(collector, project);
    const [delivery] = await waitFor(async () =>
      receiver.received.length > 0 ? receiver.received : undefined,
    );
    expect(delivery?.json).toMatchObject({
      trigger: 'event_frequency',
      threshold: { count: 6, threshold: 5, windowMinutes: 10 },
      issue: { count: 6 },
    });
    expect(delivery?.json.message).toMatch(/^Frequent issue in alerts: 6 events in 10 min/);
  });

  it('holds the throttle, then says how many events it held back', async () => {
    const throttleMs = 30_000;
    const { project, receiver } = await projectWithReceiver(collector, {
      // Every event qualifies; at most one alert per issue every 30 seconds: far longer
      // than six sends take even on a busy machine.
      rule: {
        triggers: [{ type: 'event_frequency', threshold: 0, windowMinutes: 10 }],
        throttleMinutes: throttleMs / 60_000,
      },
    });
    await sendError(collector, project);
    await waitFor(async () => (receiver.received.length > 0 ? true : undefined));
    const firstAt = Date.now(); // no earlier than the first alert fired, which starts the interval
    for (let i = 0; i < 5; i++) await sendError(collector, project);

    // The next event after the interval is alerted, with the five held back.
    await waitFor(async () => (Date.now() > firstAt + throttleMs + 1000 ? true : undefined), {
      timeoutMs: throttleMs + 5000,
      what: 'the throttle interval to pass',
    });
    expect(receiver.received).toHaveLength(1);
    await sendError(collector, project);
    const [, second] = await waitFor(async () =>
      receiver.received.length > 1 ? receiver.received : undefined,
    );
    expect(second?.json).toMatchObject({ suppressedEvents: 5, issue: { count: 7 } });
    expect(second?.json.message).toMatch(/, and 5 more events since$/);
  });
});
