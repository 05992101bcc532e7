import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectWithReceiver, settle } from './harness/alertSetup';
import { type Collector, startCollector, waitFor } from './harness/collector';
import { sendError } from './harness/sendEvent';

describe('alert delivery retries from the cron', () => {
  let collector: Collector;

  beforeAll(async () => {
    // Retries start after 1 s instead of 30 s, so a test can watch several.
    collector = await startCollector({ vars: { FAULTLINE_ALERT_RETRY_BASE_SECONDS: '1' } });
  });

  afterAll(async () => {
    await collector?.stop();
  });

  it('delivers every alert exactly once after the receiver comes back from 500s', async () => {
    const { project, receiver, deliveries } = await projectWithReceiver(collector);
    receiver.answerWith(() => ({ status: 500 }));
    for (const type of ['FirstError', 'SecondError', 'ThirdError']) {
      await sendError(collector, project, { type });
    }
    await waitFor(async () => (receiver.received.length >= 3 ? true : undefined));
    const failed = await deliveries();
    expect(failed).toHaveLength(3);
    for (const entry of failed) {
      expect(entry).toMatchObject({ status: 'pending', lastStatus: 500 });
      expect(entry.lastError).toMatch(/^HTTP 500/);
    }

    receiver.answerWith(() => ({ status: 200 }));
    await waitFor(
      async () => {
        await settle(collector, 1000);
        return receiver.accepted().length >= 3 ? true : undefined;
      },
      { timeoutMs: 30_000, what: 'retries to be delivered' },
    );
    await settle(collector, 2500);
    const accepted = receiver.accepted().map((d) => d.headers['x-faultline-delivery']);
    expect(accepted).toHaveLength(3);
    expect(new Set(accepted).size).toBe(3);
    const log = await deliveries();
    expect(log.map((entry) => entry.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(Math.min(...log.map((entry) => entry.attempts))).toBeGreaterThanOrEqual(2);
  });

  it('waits as long as a 429 Retry-After asks before the next attempt', async () => {
    const { project, receiver, deliveries } = await projectWithReceiver(collector);
    const arrivals: number[] = [];
    receiver.answerWith(() => {
      arrivals.push(Date.now());
      return arrivals.length === 1
        ? { status: 429, headers: { 'Retry-After': '4' } }
        : { status: 200 };
    });
    await sendError(collector, project, { type: 'RateLimitedError' });
    const [pending] = await waitFor(async () => {
      const log = await deliveries();
      return log[0]?.lastStatus === 429 ? log : undefined;
    });
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    const wait =
      Date.parse(pending?.nextAttemptAt ?? '') - Date.parse(pending?.lastAttemptAt ?? '');
    expect(wait).toBeGreaterThanOrEqual(4000); // not the 1 s back-off

    await settle(collector, 500); // the cron runs before the receiver's time: nothing is sent
    expect(arrivals).toHaveLength(1);

    await waitFor(
      async () => {
        await settle(collector, 1000);
        return arrivals.length >= 2 ? true : undefined;
      },
      { timeoutMs: 20_000, what: 'the retry after Retry-After' },
    );
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(4000);
    const [delivered] = await deliveries();
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200 });
  });
});
