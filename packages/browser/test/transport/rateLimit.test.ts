import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
});

/** Seconds of back-off one answer leaves, read by a fresh copy of the module. */
async function backOffAfter(answer: Response | TypeError): Promise<number> {
  vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
  vi.resetModules();
  const rateLimit = await import('../../src/transport/rateLimit');
  rateLimit.updateRateLimit(answer);
  return Math.max(0, rateLimit.rateLimitedUntil - Date.now()) / 1e3;
}

const answer = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });
const limits = (value: string, status = 429) => answer(status, { 'X-Sentry-Rate-Limits': value });

describe('updateRateLimit', () => {
  it('backs off for an X-Sentry-Rate-Limits entry on the error category or on all', async () => {
    expect(await backOffAfter(limits('120:error:project'))).toBe(120);
    expect(await backOffAfter(limits('60::organization'))).toBe(60);
    expect(await backOffAfter(limits('30:default;error;security:organization:quota'))).toBe(30);
    expect(await backOffAfter(limits('45:transaction;error'))).toBe(45);
  });

  it('ignores entries on other categories, which do not stop error events', async () => {
    expect(await backOffAfter(limits('2700:transaction:key'))).toBe(0);
    expect(await backOffAfter(limits('100:transaction;session:key, 20:security:project'))).toBe(0);
    expect(await backOffAfter(limits('100:error_log:key'))).toBe(0);
  });

  it('reads every comma-separated entry, the one on events winning', async () => {
    expect(await backOffAfter(limits('2700:transaction:key, 90:error:project'))).toBe(90);
    expect(await backOffAfter(limits('90:error:project,2700:transaction:key'))).toBe(90);
    expect(await backOffAfter(limits('2700:transaction:key, 15::organization'))).toBe(15);
  });

  it('prefers X-Sentry-Rate-Limits to Retry-After, even when it spares events', async () => {
    const both = { 'X-Sentry-Rate-Limits': '2700:transaction:key', 'Retry-After': '30' };
    expect(await backOffAfter(answer(429, both))).toBe(0);
  });

  it('reads X-Sentry-Rate-Limits on any answer, as Relay may send it with a 200', async () => {
    expect(await backOffAfter(limits('15:error:key', 200))).toBe(15);
  });

  it('falls back to Retry-After seconds on a 429, then to 60 s', async () => {
    expect(await backOffAfter(answer(429, { 'Retry-After': '10' }))).toBe(10);
    expect(await backOffAfter(answer(429))).toBe(60);
    expect(await backOffAfter(limits('soon:error:key'))).toBe(60);
  });

  it('leaves other answers and failed requests alone', async () => {
    expect(await backOffAfter(answer(200))).toBe(0);
    expect(await backOffAfter(answer(200, { 'Retry-After': '10' }))).toBe(0);
    expect(await backOffAfter(answer(503, { 'Retry-After': '10' }))).toBe(0);
    expect(await backOffAfter(new TypeError('Failed to fetch'))).toBe(0);
  });
});
