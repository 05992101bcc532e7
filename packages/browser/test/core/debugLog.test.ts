import { afterEach, describe, expect, it, vi } from 'vitest';
import { DSN, loadSdk, restoreGlobals, settle } from '../helpers';

afterEach(() => {
  restoreGlobals();
  vi.restoreAllMocks();
});

/** Every line the SDK writes to the console, as `level: text`. */
const watchConsole = () => {
  const lines: string[] = [];
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(`${level}: ${args.join(' ')}`);
    });
  }
  return lines;
};

describe('debug: true', () => {
  it('says why an invalid DSN turns the SDK off', async () => {
    const lines = watchConsole();
    const { sdk, requests } = await loadSdk();
    sdk.init({ dsn: 'not-a-dsn', debug: true });
    sdk.captureException(new Error('lost'));
    expect(requests).toHaveLength(0);
    expect(lines).toEqual([
      'warn: [Faultline] off: the DSN "not-a-dsn" is not valid; expected https://PUBLIC_KEY@HOST/PROJECT_ID',
    ]);
  });

  it('says the SDK is off when init is given enabled: false', async () => {
    const lines = watchConsole();
    const { sdk } = await loadSdk();
    sdk.init({ dsn: DSN, enabled: false, debug: true });
    expect(lines).toEqual(['warn: [Faultline] off: init was given enabled: false']);
  });

  it('logs where events go, each event sent and the collector accepting it', async () => {
    const lines = watchConsole();
    const { sdk } = await loadSdk();
    sdk.init({ dsn: DSN, debug: true, breadcrumbs: false });
    const id = sdk.captureException(new TypeError('x is undefined'));
    await settle();
    expect(lines).toEqual([
      expect.stringMatching(
        /^log: \[Faultline\] on: events go to https:\/\/errors\.example\.com\/api\/42\/envelope\//,
      ),
      `log: [Faultline] sending event ${id} (TypeError: x is undefined)`,
      `log: [Faultline] event ${id} accepted by the collector (200)`,
    ]);
  });

  it('names what dropped each event', async () => {
    const lines = watchConsole();
    const { sdk, requests } = await loadSdk();
    const thrown = (message: string, url: string) =>
      Object.assign(new Error(message), { stack: `Error: ${message}\n    at pay (${url}:1:2)` });
    sdk.init({
      dsn: DSN,
      debug: true,
      breadcrumbs: false,
      ignoreErrors: ['noise'],
      denyUrls: [/ads\.example/],
      allowUrls: [/shop\.example|ads\.example/],
      maxEventsPerPage: 2,
      beforeSend: (event) => (event.message === 'drop me' ? null : event),
    });
    sdk.captureException(new Error('noise from a widget'));
    sdk.captureException(thrown('from ads', 'https://ads.example/a.js'));
    sdk.captureException(thrown('from elsewhere', 'https://cdn.example/a.js'));
    sdk.captureException(thrown('from an extension', 'chrome-extension://abc/x.js'));
    sdk.captureMessage('drop me');
    sdk.captureMessage('kept');
    sdk.captureMessage('kept');
    sdk.captureMessage('kept too');
    sdk.captureMessage('one too many');
    expect(requests).toHaveLength(2);
    const dropped = lines.filter((line) => line.includes('dropped by'));
    expect(dropped).toEqual([
      expect.stringMatching(/\(Error: noise from a widget\) dropped by ignoreErrors$/),
      expect.stringMatching(/\(Error: from ads\) dropped by denyUrls$/),
      expect.stringMatching(/\(Error: from elsewhere\) dropped by allowUrls$/),
      expect.stringMatching(
        /\(Error: from an extension\) dropped by the browser extension filter$/,
      ),
      expect.stringMatching(/\(drop me\) dropped by beforeSend \(it returned no event\)$/),
      expect.stringMatching(/\(kept\) dropped by dedupe: it repeats the previous event$/),
      expect.stringMatching(/\(one too many\) dropped by maxEventsPerPage: 2 sent already$/),
    ]);
  });

  it('names sampling as what dropped an event', async () => {
    const lines = watchConsole();
    const { sdk, requests } = await loadSdk();
    sdk.init({ dsn: DSN, debug: true, breadcrumbs: false, sampleRate: 0 });
    sdk.captureMessage('sampled out');
    expect(requests).toHaveLength(0);
    expect(lines.at(-1)).toMatch(/\(sampled out\) dropped by sampleRate 0$/);
  });

  it('says so when beforeSend throws and its event is lost', async () => {
    const lines = watchConsole();
    const { sdk, requests } = await loadSdk();
    sdk.init({
      dsn: DSN,
      debug: true,
      breadcrumbs: false,
      beforeSend: () => {
        throw new Error('bug in beforeSend');
      },
    });
    sdk.captureMessage('never sent');
    expect(requests).toHaveLength(0);
    expect(lines.at(-1)).toBe(
      'warn: [Faultline] an SDK call failed (did beforeSend throw?); its event is lost',
    );
  });

  it("logs the collector's reason for a 403 from X-Sentry-Error", async () => {
    const lines = watchConsole();
    const { sdk } = await loadSdk(() => ({
      status: 403,
      headers: { 'X-Sentry-Error': 'origin https://evil.example is not allowed' },
    }));
    sdk.init({ dsn: DSN, debug: true, breadcrumbs: false });
    const id = sdk.captureMessage('from the wrong origin');
    await settle();
    expect(lines.at(-1)).toBe(
      `warn: [Faultline] event ${id} refused by the collector: 403 origin https://evil.example is not allowed`,
    );
  });

  it('logs a 429, the back-off it asks for, and the events the back-off drops', async () => {
    const lines = watchConsole();
    const { sdk, requests } = await loadSdk(() => ({
      status: 429,
      headers: { 'X-Sentry-Rate-Limits': '120:error:project', 'X-Sentry-Error': 'rate limited' },
    }));
    sdk.init({ dsn: DSN, debug: true, breadcrumbs: false });
    const first = sdk.captureMessage('first');
    await settle();
    const second = sdk.captureMessage('second');
    expect(requests).toHaveLength(1);
    expect(lines.slice(-4)).toEqual([
      `warn: [Faultline] event ${first} refused by the collector: 429 rate limited`,
      'warn: [Faultline] backing off as asked (120:error:project): no events until then',
      `log: [Faultline] sending event ${second} (second)`,
      expect.stringMatching(
        new RegExp(
          `^log: \\[Faultline\\] event ${second} dropped by the collector's back-off, until \\d{4}-`,
        ),
      ),
    ]);
  });

  it('logs a failed delivery as kept for later', async () => {
    const lines = watchConsole();
    const { sdk } = await loadSdk(() => 'network error');
    sdk.init({ dsn: DSN, debug: true, breadcrumbs: false });
    const id = sdk.captureMessage('offline');
    await settle();
    expect(lines.at(-1)).toBe(
      `warn: [Faultline] event ${id} not delivered (TypeError: Failed to fetch), kept to send later`,
    );
  });
});

describe('without debug', () => {
  it('writes nothing to the console, whatever happens', async () => {
    const lines = watchConsole();
    const { sdk } = await loadSdk(() => ({
      status: 403,
      headers: { 'X-Sentry-Error': 'origin not allowed' },
    }));
    sdk.init({ dsn: 'not-a-dsn' });
    sdk.init({ dsn: DSN, breadcrumbs: false, sampleRate: 1, ignoreErrors: ['noise'] });
    sdk.captureException(new Error('noise'));
    sdk.captureMessage('refused');
    sdk.captureMessage('refused');
    await settle();
    sdk.init({ dsn: DSN, debug: false, breadcrumbs: false });
    sdk.captureMessage('again');
    await settle();
    expect(lines).toEqual([]);
  });
});
