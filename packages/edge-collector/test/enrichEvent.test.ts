import { describe, expect, it } from 'vitest';
import { enrichEvent } from '../src/enrich/enrichEvent';
import { parseUserAgent } from '../src/enrich/parseUserAgent';
import type { SentryEvent } from '../src/protocol/SentryEvent';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
const EDGE_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91';
const SAMSUNG_ANDROID =
  'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36';

function event(fields: Partial<SentryEvent> = {}): SentryEvent {
  return { event_id: 'a'.repeat(32), timestamp: 1, level: 'error', platform: 'python', ...fields };
}

describe('parseUserAgent', () => {
  it('names browser, OS and device of the common platforms', () => {
    expect(parseUserAgent(CHROME_WINDOWS)).toEqual({
      browser: { name: 'Chrome', version: '120.0.6099' },
      os: { name: 'Windows', version: '10' },
      device: { family: 'Desktop' },
    });
    expect(parseUserAgent(SAFARI_IPHONE)).toEqual({
      browser: { name: 'Mobile Safari', version: '17.1.2' },
      os: { name: 'iOS', version: '17.1.2' },
      device: { family: 'iPhone', model: 'iPhone' },
    });
    expect(parseUserAgent(FIREFOX_LINUX).browser).toEqual({ name: 'Firefox', version: '121.0' });
    expect(parseUserAgent(EDGE_MAC).browser?.name).toBe('Edge');
    expect(parseUserAgent(EDGE_MAC).os).toEqual({ name: 'Mac OS X', version: '10.15.7' });
    expect(parseUserAgent(SAMSUNG_ANDROID)).toEqual({
      browser: { name: 'Samsung Internet', version: '23.0' },
      os: { name: 'Android', version: '13' },
      device: { family: 'Android Phone', model: 'SM-S911B' },
    });
    expect(parseUserAgent('python-requests/2.28')).toEqual({});
  });
});

describe('enrichEvent', () => {
  it("tags the visitor's browser from a server event's request headers, keeping SDK tags", () => {
    const enriched = enrichEvent(
      event({
        request: { headers: { 'User-Agent': CHROME_WINDOWS } },
        tags: [['browser', 'custom']],
        contexts: { os: { name: 'Linux' } },
      }),
      { storeClientIp: false, userAgent: 'sentry.python/1.9.10' },
    );
    expect(enriched.tags).toMatchObject({
      browser: 'custom',
      'browser.name': 'Chrome',
      client_os: 'Windows 10',
      device: 'Desktop',
    });
    expect(enriched.contexts).toMatchObject({
      os: { name: 'Linux' },
      client_os: { name: 'Windows', version: '10' },
      browser: { name: 'Chrome' },
    });
  });

  it("uses the delivering request's UA for browser events only", () => {
    const browser = enrichEvent(event({ platform: 'javascript' }), {
      storeClientIp: false,
      userAgent: FIREFOX_LINUX,
    });
    expect(browser.tags).toMatchObject({ browser: 'Firefox 121.0', os: 'Linux' });
    const server = enrichEvent(event(), { storeClientIp: false, userAgent: FIREFOX_LINUX });
    expect(server.tags).toEqual({});
  });

  it('fills {{auto}} with the connecting IP only when the project stores IPs', () => {
    const auto = () => event({ user: { id: '7', ip_address: '{{auto}}' } });
    const kept = enrichEvent(auto(), { storeClientIp: true, clientIp: '203.0.113.9' });
    expect(kept.user).toMatchObject({ id: '7', ip_address: '203.0.113.9' });
    const dropped = enrichEvent(auto(), { storeClientIp: false, clientIp: '203.0.113.9' });
    expect(dropped.user).toEqual({ id: '7' });
    const explicit = enrichEvent(event({ user: { ip_address: '198.51.100.1' } }), {
      storeClientIp: false,
    });
    expect(explicit.user).toBeUndefined();
  });

  it('adds the country when the sender is the user, not a server', () => {
    const facts = { storeClientIp: false, country: 'DE' };
    const browser = enrichEvent(event({ platform: 'javascript' }), facts);
    expect(browser.user).toEqual({ geo: { country_code: 'DE' } });
    expect(browser.tags).toMatchObject({ 'geo.country_code': 'DE' });
    expect(enrichEvent(event(), facts).user).toBeUndefined();
  });
});
