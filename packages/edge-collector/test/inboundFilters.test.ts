import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER_SETTINGS, type FilterSettings } from '../src/filters/filterSettings';
import { findInboundFilter } from '../src/filters/findInboundFilter';
import type { SentryEvent, StackFrame } from '../src/protocol/SentryEvent';

function event(fields: Partial<SentryEvent> = {}): SentryEvent {
  return {
    event_id: 'a'.repeat(32),
    timestamp: 1,
    level: 'error',
    platform: 'javascript',
    ...fields,
  };
}

function error(type: string, value: string, frames: StackFrame[] = []): Partial<SentryEvent> {
  return { exception: { values: [{ type, value, stacktrace: { frames } }] } };
}

const filter = (
  fields: Partial<SentryEvent>,
  settings: Partial<FilterSettings> = {},
  ua?: string,
) => findInboundFilter(event(fields), { ...DEFAULT_FILTER_SETTINGS, ...settings }, ua);

describe('inbound filters', () => {
  it('drops errors raised in browser extensions, by crash frame or raw stack', () => {
    const frames = [
      { filename: 'https://shop.test/app.js', function: 'onClick' },
      { abs_path: 'chrome-extension://abcdef/content.js', function: 'inject' },
    ];
    expect(filter(error('TypeError', 'x', frames))).toBe('browserExtensions');
    const raw = {
      exception: {
        values: [
          {
            type: 'Error',
            value: 'x',
            raw_stack: 'Error: x\n    at inject (moz-extension://1234/content.js:1:2)',
          },
        ],
      },
    };
    expect(filter(raw)).toBe('browserExtensions');
    expect(filter(error('TypeError', 'x', frames), { browserExtensions: false })).toBeUndefined();
    expect(filter(error('TypeError', 'x', frames.slice(0, 1)))).toBeUndefined();
  });

  it('drops Script error. and ResizeObserver loop notices', () => {
    expect(filter(error('Error', 'Script error.'))).toBe('scriptErrors');
    expect(filter({ message: 'Script error.' })).toBe('scriptErrors');
    expect(filter(error('Error', 'ResizeObserver loop limit exceeded'))).toBe('resizeObserver');
    expect(
      filter(error('Error', 'ResizeObserver loop completed with undelivered notifications.')),
    ).toBe('resizeObserver');
    expect(filter(error('Error', 'Script error in checkout'))).toBeUndefined();
  });

  it("drops known crawlers by the event's user agent, not headless Chrome", () => {
    const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
    expect(filter({ request: { headers: { 'User-Agent': googlebot } } })).toBe('webCrawlers');
    expect(filter({}, {}, 'Mozilla/5.0 (compatible; bingbot/2.0)')).toBe('webCrawlers');
    const headless = 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0.0.0 Safari/537.36';
    expect(filter({}, {}, headless)).toBeUndefined();
  });

  it('drops localhost events only when that filter is on', () => {
    const local = { request: { url: 'http://localhost:3000/cart' } };
    expect(filter(local)).toBeUndefined();
    expect(filter(local, { localhost: true })).toBe('localhost');
    expect(filter({ user: { ip_address: '127.0.0.1' } }, { localhost: true })).toBe('localhost');
    expect(filter({ request: { url: 'https://shop.test/' } }, { localhost: true })).toBeUndefined();
  });

  it('drops messages and releases matching the project globs', () => {
    const settings = { ignoreMessages: ['*timeout*'], ignoreReleases: ['canary-*'] };
    expect(filter(error('NetworkError', 'Request timeout after 30s'), settings)).toBe(
      'ignoreMessages',
    );
    expect(filter({ message: 'GATEWAY TIMEOUT' }, settings)).toBe('ignoreMessages');
    expect(filter({ release: 'canary-42' }, settings)).toBe('ignoreReleases');
    expect(filter({ release: 'v1.2.3', message: 'fine' }, settings)).toBeUndefined();
  });
});
