import { afterEach, describe, expect, it, vi } from 'vitest';
import { attemptDelivery, type DeliveryOptions } from '../src/alerts/attemptDelivery';
import { buildAlertPayload } from '../src/alerts/buildAlertPayload';
import { nextAttemptAt, parseRetryAfter } from '../src/alerts/retrySchedule';
import { signPayload } from '../src/alerts/signPayload';
import { deliveryJob } from './alertFixtures';

const HOUR = 3600 * 1000;
const NOW = Date.UTC(2026, 0, 1, 12, 0, 5);
const local: DeliveryOptions = {
  mode: 'local',
  publicUrl: undefined,
  retryBaseMs: 30_000,
  now: NOW,
};

/** Answers every fetch with `answer` and records the requests. */
function stubFetch(answer: (request: Request) => Promise<Response> | Response) {
  const requests: Request[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input as string, init);
    requests.push(request);
    return answer(request);
  });
  return requests;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('signing', () => {
  it('signs timestamp + "." + body with HMAC-SHA256', async () => {
    // Expected value from Node: createHmac('sha256', secret).update('1700000000.{"a":1}')
    expect(await signPayload('whsec_test', 1_700_000_000, '{"a":1}')).toBe(
      'v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });
});

describe('retry schedule', () => {
  it('backs off exponentially from 30 s, at most 6 h apart', () => {
    const delays = [1, 2, 3, 4].map(
      (attempts) => (nextAttemptAt({ attempts, createdAt: 0, now: 0 }) ?? 0) / 1000,
    );
    expect(delays).toEqual([30, 60, 120, 240]);
    expect(nextAttemptAt({ attempts: 30, createdAt: 0, now: 0 })).toBe(6 * HOUR);
  });

  it('makes a last attempt at the 24-hour mark, then gives up', () => {
    expect(nextAttemptAt({ attempts: 12, createdAt: 0, now: 20 * HOUR })).toBe(24 * HOUR);
    expect(nextAttemptAt({ attempts: 13, createdAt: 0, now: 24 * HOUR })).toBeNull();
  });

  it('waits at least as long as a 429 asks, and gives up when that is past 24 hours', () => {
    expect(nextAttemptAt({ attempts: 1, createdAt: NOW, now: NOW, retryAfterMs: 120_000 })).toBe(
      NOW + 120_000,
    );
    const late = { attempts: 5, createdAt: 0, now: 23.9 * HOUR, retryAfterMs: HOUR };
    expect(nextAttemptAt(late)).toBeNull();
    expect(parseRetryAfter('7', '', NOW)).toBe(7000);
    expect(parseRetryAfter(null, '{"message":"rate limited","retry_after":1.5}', NOW)).toBe(1500);
    expect(parseRetryAfter(new Date(NOW + 60_000).toUTCString(), '', NOW)).toBe(60_000);
    expect(parseRetryAfter(null, 'nope', NOW)).toBeUndefined();
  });
});

describe('one delivery attempt', () => {
  it('records a 2xx as delivered', async () => {
    const requests = stubFetch(() => new Response('ok', { status: 202 }));
    const outcome = await attemptDelivery(deliveryJob('http://127.0.0.1:9/hook'), local);
    expect(outcome).toEqual({ status: 'delivered', httpStatus: 202 });
    expect(requests[0]?.redirect).toBe('manual');
  });

  it('schedules the retry no sooner than a 429 Retry-After says', async () => {
    stubFetch(() => new Response('slow down', { status: 429, headers: { 'Retry-After': '600' } }));
    const outcome = await attemptDelivery(deliveryJob('http://127.0.0.1:9/hook'), local);
    expect(outcome).toMatchObject({
      status: 'pending',
      httpStatus: 429,
      nextAttemptAt: NOW + 600_000,
    });
  });

  it('gives up on a receiver that does not answer within the timeout, and retries later', async () => {
    stubFetch(
      (request) =>
        new Promise((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        }),
    );
    const outcome = await attemptDelivery(deliveryJob('http://127.0.0.1:9/hook'), {
      ...local,
      timeoutMs: 50,
    });
    expect(outcome).toMatchObject({
      status: 'pending',
      httpStatus: null,
      error: 'no answer within 0.05 s',
      nextAttemptAt: NOW + 30_000,
    });
  });

  it('never calls a URL that became refused, e.g. a loopback target on a deployed collector', async () => {
    const requests = stubFetch(() => new Response('ok'));
    const outcome = await attemptDelivery(deliveryJob('https://127.0.0.1/hook'), {
      ...local,
      mode: 'production',
    });
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/^URL /) });
    expect(requests).toHaveLength(0);
  });
});

describe('the alert payload', () => {
  it('links the issue to a URL that exists: the issue in the read API', () => {
    const job = deliveryJob('https://hooks.example.com/');
    expect(buildAlertPayload(job, undefined).issue?.url).toBe('https://col.test/issues/7');
    expect(buildAlertPayload(job, 'https://errors.example.com/').issue?.url).toBe(
      'https://errors.example.com/issues/7',
    );
  });
});
