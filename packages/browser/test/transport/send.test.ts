import { afterEach, describe, expect, it, vi } from 'vitest';
import { DSN, ENDPOINT, loadSdk, parseEnvelope, restoreGlobals, settle } from '../helpers';

afterEach(() => {
  restoreGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const stored = () => JSON.parse(localStorage.getItem(ENDPOINT) || '[]') as [string, string][];

describe('rate limits', () => {
  it('stops sending for the seconds X-Sentry-Rate-Limits gives after a 429', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let answer = {
      status: 429,
      headers: { 'X-Sentry-Rate-Limits': '120:error:project', 'Retry-After': '5' },
    };
    const { sdk, requests } = await loadSdk(() => answer);
    sdk.init({ dsn: DSN });
    sdk.captureException(new Error('first'));
    await settle();
    answer = { status: 200, headers: {} as never };
    sdk.captureException(new Error('second'));
    vi.advanceTimersByTime(119_000);
    sdk.captureException(new Error('third'));
    expect(requests).toHaveLength(1);
    vi.advanceTimersByTime(2_000);
    sdk.captureException(new Error('fourth'));
    expect(requests).toHaveLength(2);
    expect(stored()).toEqual([]); // rate-limited events are dropped, not kept
  });

  it('falls back to Retry-After, then to 60 s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const answers = [{ status: 429, headers: { 'Retry-After': '10' } }, { status: 429 }];
    const { sdk, requests } = await loadSdk(() => answers.shift() ?? { status: 200 });
    sdk.init({ dsn: DSN });
    sdk.captureException(new Error('a'));
    await settle();
    vi.advanceTimersByTime(9_000);
    sdk.captureException(new Error('b'));
    expect(requests).toHaveLength(1);
    vi.advanceTimersByTime(2_000);
    sdk.captureException(new Error('c')); // answered 429 without headers
    await settle();
    vi.advanceTimersByTime(59_000);
    sdk.captureException(new Error('d'));
    expect(requests).toHaveLength(2);
    vi.advanceTimersByTime(2_000);
    sdk.captureException(new Error('e'));
    expect(requests).toHaveLength(3);
  });
});

describe('events that could not be sent', () => {
  const values = () => stored().map(([, json]) => JSON.parse(json).exception.values[0].value);

  it('are stored on a 5xx or a network error and sent by the next page', async () => {
    const answers: ({ status: number } | 'network error')[] = [{ status: 503 }, 'network error'];
    const first = await loadSdk(() => answers.shift() ?? { status: 200 });
    first.sdk.init({ dsn: DSN });
    first.sdk.captureException(new Error('storage down'));
    first.sdk.captureException(new Error('offline'));
    await settle();
    expect(values()).toEqual(['storage down', 'offline']);

    const next = await loadSdk();
    next.sdk.init({ dsn: DSN });
    expect(next.events().map((event) => event.exception?.values[0]?.value)).toEqual([
      'storage down',
      'offline',
    ]);
    // Re-enveloped at send time, under the original event id.
    const { header, event } = parseEnvelope(next.requests[0]?.init.body as string);
    expect(header.event_id).toBe(event.event_id);
    await settle();
    expect(stored()).toEqual([]);
  });

  it('stay stored until the collector answers, so a page that goes away loses none', async () => {
    const first = await loadSdk(() => ({ status: 503 }));
    first.sdk.init({ dsn: DSN });
    first.sdk.captureException(new Error('kept'));
    await settle();

    // The next page's retry gets no answer, as when the page is left mid-request.
    let answer: () => 'network error' | { status: number } = () => 'network error';
    const next = await loadSdk(() => answer());
    next.sdk.init({ dsn: DSN });
    expect(next.requests).toHaveLength(1);
    expect(values()).toEqual(['kept']); // posted, still stored
    await settle();
    expect(values()).toEqual(['kept']); // failed again: stored once, not twice

    answer = () => ({ status: 200 });
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(stored()).toEqual([]);
  });

  it('are sent when the browser comes back online', async () => {
    let online = false;
    const { sdk, requests } = await loadSdk(() => (online ? { status: 200 } : 'network error'));
    sdk.init({ dsn: DSN });
    sdk.captureException(new Error('while offline'));
    await settle();
    expect(stored()).toHaveLength(1);
    online = true;
    window.dispatchEvent(new Event('online'));
    expect(requests).toHaveLength(2);
    await settle();
    expect(stored()).toEqual([]);
  });

  it('are sent when the page is hidden or left', async () => {
    let up = false;
    const { sdk, requests } = await loadSdk(() => (up ? { status: 200 } : { status: 503 }));
    sdk.init({ dsn: DSN });
    sdk.captureException(new Error('while the collector was down'));
    await settle();
    up = true;
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    expect(requests).toHaveLength(2);
    expect(requests[1]?.init.keepalive).toBe(true); // outlives the page
    window.dispatchEvent(new Event('pagehide'));
    expect(requests).toHaveLength(3); // the same event again: the collector keeps one
    await settle();
    expect(stored()).toEqual([]);
  });

  it('are kept within 100,000 characters, the newest', async () => {
    const { sdk } = await loadSdk(() => ({ status: 503 }));
    sdk.init({ dsn: DSN });
    const big = 'x'.repeat(30_000);
    for (let i = 0; i < 5; i++) sdk.captureException(new Error(`e${i}`), { extra: { big } });
    for (let i = 5; i < 15; i++) sdk.captureException(new Error(`e${i}`));
    await settle();
    expect(JSON.stringify(stored()).length).toBeLessThanOrEqual(100_000);
    expect(values()).toEqual(['e3', 'e4', ...Array.from({ length: 10 }, (_, i) => `e${i + 5}`)]);
  });

  it('are not stored for a 4xx, which retrying cannot fix', async () => {
    const { sdk } = await loadSdk(() => ({ status: 400 }));
    sdk.init({ dsn: DSN });
    sdk.captureException(new Error('bad'));
    await settle();
    expect(stored()).toEqual([]);
  });

  it('are not sent while backed off, and wait in storage', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const answers = [{ status: 503 }, { status: 429, headers: { 'Retry-After': '30' } }];
    const { sdk, requests } = await loadSdk(() => answers.shift() ?? { status: 200 });
    sdk.init({ dsn: DSN });
    sdk.captureException(new Error('stored'));
    sdk.captureException(new Error('rate limited'));
    await settle();
    window.dispatchEvent(new Event('online'));
    expect(requests).toHaveLength(2);
    expect(values()).toEqual(['stored']);
    vi.advanceTimersByTime(31_000);
    window.dispatchEvent(new Event('online'));
    expect(requests).toHaveLength(3);
  });
});

describe('how an event leaves', () => {
  it('uses keepalive fetch while the bodies in flight stay within 64 KiB', async () => {
    const { sdk, requests } = await loadSdk(() => ({ status: 200 }));
    sdk.init({ dsn: DSN, maxEventsPerPage: 100 });
    const big = 'x'.repeat(20_000);
    for (let i = 0; i < 4; i++) sdk.captureException(new Error(`${i}`), { extra: { big } });
    expect(requests.map((request) => request.init.keepalive)).toEqual([true, true, true, false]);
    await settle();
    sdk.captureException(new Error('after'), { extra: { big } });
    expect(requests[4]?.init.keepalive).toBe(true);
  });

  it('uses sendBeacon while the page is hidden, fetch when the beacon is refused', async () => {
    const { sdk, requests } = await loadSdk();
    sdk.init({ dsn: DSN });
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    const beacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
    sdk.captureException(new Error('leaving'));
    expect(beacon).toHaveBeenCalledWith(ENDPOINT, expect.stringContaining('"leaving"'));
    expect(requests).toHaveLength(0);
    beacon.mockReturnValue(false);
    sdk.captureException(new Error('too big for a beacon'));
    expect(requests).toHaveLength(1);
  });

  it('does not trust a beacon offline, where fetch fails and the event is stored', async () => {
    const { sdk } = await loadSdk(() => 'network error');
    sdk.init({ dsn: DSN });
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const beacon = vi.spyOn(navigator, 'sendBeacon');
    sdk.captureException(new Error('offline and hidden'));
    await settle();
    expect(beacon).not.toHaveBeenCalled();
    expect(stored()).toHaveLength(1);
  });

  it('posts to the tunnel with the DSN in the envelope header', async () => {
    const { sdk, requests } = await loadSdk();
    sdk.init({ dsn: DSN, tunnel: '/monitoring' });
    sdk.captureException(new Error('through the tunnel'));
    expect(requests[0]?.url).toBe('/monitoring');
    expect(parseEnvelope(requests[0]?.init.body as string).header.dsn).toBe(DSN);
  });
});
