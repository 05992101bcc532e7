import { afterEach, describe, expect, it, vi } from 'vitest';
import { DSN, ENDPOINT, loadSdk, parseEnvelope, restoreGlobals } from '../helpers';

afterEach(restoreGlobals);

describe('captureException', () => {
  it('posts one envelope per event to the DSN endpoint as text/plain', async () => {
    const { sdk, requests } = await loadSdk();
    sdk.init({ dsn: DSN, release: 'shop@1.4.2', environment: 'staging' });
    const id = sdk.captureException(new TypeError('x is undefined'));

    expect(requests).toHaveLength(1);
    const [request] = requests as [(typeof requests)[number]];
    expect(request.url).toBe(ENDPOINT);
    expect(request.init.method).toBe('POST');
    expect(typeof request.init.body).toBe('string'); // fetch sends a string as text/plain
    const { header, item, event } = parseEnvelope(request.init.body as string);
    expect(header).toEqual({ event_id: id }); // no dsn without a tunnel; sdk is in the event
    expect(item).toEqual({ type: 'event' });
    expect(event).toMatchObject({
      event_id: id,
      platform: 'javascript',
      level: 'error',
      release: 'shop@1.4.2',
      environment: 'staging',
      sdk: { name: 'faultline.browser', version: '0.1.0' },
      request: { url: location.href, headers: { 'User-Agent': navigator.userAgent } },
      exception: {
        values: [
          {
            type: 'TypeError',
            value: 'x is undefined',
            mechanism: { type: 'generic', handled: true },
          },
        ],
      },
    });
    expect(event.exception?.values[0]?.raw_stack).toContain('x is undefined');
    expect(event.timestamp).toBeCloseTo(Date.now() / 1e3, -1);
  });

  it('merges the capture context over the scope', async () => {
    const { sdk, events } = await loadSdk();
    sdk.init({ dsn: DSN });
    sdk.setUser({ id: '42' });
    sdk.setTags({ plan: 'pro', region: 'eu' });
    sdk.setTag('region', 'us');
    sdk.setContext('cart', { items: 3 });
    sdk.captureException(new Error('pay failed'), {
      tags: { step: 'pay' },
      extra: { attempt: 2 },
      level: 'warning',
      fingerprint: ['payments'],
    });
    expect(events()[0]).toMatchObject({
      user: { id: '42' },
      tags: { plan: 'pro', region: 'us', step: 'pay' },
      contexts: { cart: { items: 3 } },
      extra: { attempt: 2 },
      level: 'warning',
      fingerprint: ['payments'],
    });
  });

  it('forgets the user and a context when given null', async () => {
    const { sdk, events } = await loadSdk();
    sdk.init({ dsn: DSN });
    sdk.setUser({ id: '42' });
    sdk.setContext('cart', { items: 3 });
    sdk.setUser(null);
    sdk.setContext('cart', null);
    sdk.captureException(new Error('x'));
    expect(events()[0]?.user).toBeUndefined();
    expect(events()[0]?.contexts).toEqual({});
  });
});

describe('captureMessage', () => {
  it('sends the message at level info unless told otherwise', async () => {
    const { sdk, events } = await loadSdk();
    sdk.init({ dsn: DSN });
    sdk.captureMessage('checkout slow');
    sdk.captureMessage('checkout failed', 'fatal');
    expect(events().map(({ message, level }) => ({ message, level }))).toEqual([
      { message: 'checkout slow', level: 'info' },
      { message: 'checkout failed', level: 'fatal' },
    ]);
  });
});

describe('the event pipeline', () => {
  it('sends nothing before init, with an invalid DSN, or with enabled: false', async () => {
    const { sdk, requests } = await loadSdk();
    sdk.captureException(new Error('before init'));
    sdk.init({ dsn: 'not a dsn' });
    sdk.captureException(new Error('invalid dsn'));
    sdk.init({ dsn: DSN, enabled: false });
    sdk.captureException(new Error('disabled'));
    expect(requests).toHaveLength(0);
  });

  it('sends nothing at sampleRate 0 and everything when sampleRate is left undefined', async () => {
    const { sdk, requests } = await loadSdk();
    sdk.init({ dsn: DSN, sampleRate: 0 });
    sdk.captureException(new Error('sampled out'));
    expect(requests).toHaveLength(0);
    sdk.init({ dsn: DSN, sampleRate: undefined });
    sdk.captureException(new Error('kept'));
    expect(requests).toHaveLength(1);
  });

  it('lets beforeSend change an event or drop it with null', async () => {
    const { sdk, events } = await loadSdk();
    const seen: unknown[] = [];
    sdk.init({
      dsn: DSN,
      beforeSend: (event, hint) => {
        seen.push(hint.originalException);
        if (event.exception?.values[0]?.value === 'drop me') return null;
        return { ...event, tags: { ...event.tags, checked: 'yes' } };
      },
    });
    const kept = new Error('keep me');
    sdk.captureException(new Error('drop me'));
    sdk.captureException(kept);
    expect(events()).toHaveLength(1);
    expect(events()[0]?.tags).toEqual({ checked: 'yes' });
    expect(seen[1]).toBe(kept);
  });

  it('drops the event when beforeSend throws, and does not throw to the caller', async () => {
    const { sdk, requests } = await loadSdk();
    sdk.init({
      dsn: DSN,
      beforeSend: () => {
        throw new Error('bug in beforeSend');
      },
    });
    expect(() => sdk.captureException(new Error('x'))).not.toThrow();
    expect(requests).toHaveLength(0);
  });

  it('does not recurse when beforeSend itself captures or logs an error', async () => {
    const { sdk, requests } = await loadSdk();
    sdk.init({
      dsn: DSN,
      beforeSend: (event) => {
        sdk.captureException(new Error('from beforeSend'));
        console.error('beforeSend saw', event.event_id);
        return event;
      },
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    sdk.captureException(new Error('original'));
    quiet.mockRestore();
    expect(requests).toHaveLength(1);
  });

  it('drops a repeat of the previous event, however it was caught', async () => {
    const { sdk, events } = await loadSdk();
    sdk.init({ dsn: DSN });
    const error = new Error('twice');
    sdk.captureException(error);
    sdk.captureException(error);
    window.dispatchEvent(new ErrorEvent('error', { error, message: 'Uncaught Error: twice' }));
    sdk.captureException(new Error('other'));
    sdk.captureException(error);
    expect(events().map((event) => event.exception?.values[0]?.value)).toEqual([
      'twice',
      'other',
      'twice',
    ]);
  });

  it('caps events per page at maxEventsPerPage (50 by default)', async () => {
    const { sdk, requests } = await loadSdk();
    sdk.init({ dsn: DSN });
    for (let i = 0; i < 60; i++) sdk.captureException(new Error(`error ${i}`));
    expect(requests).toHaveLength(50);
    sdk.init({ dsn: DSN, maxEventsPerPage: 55 });
    for (let i = 0; i < 10; i++) sdk.captureException(new Error(`more ${i}`));
    expect(requests).toHaveLength(55);
  });

  it('returns an event id even for a dropped event', async () => {
    const { sdk } = await loadSdk();
    sdk.init({ dsn: DSN, sampleRate: 0 });
    expect(sdk.captureException(new Error('x'))).toMatch(/^[0-9a-f]{32}$/);
  });
});
