import { describe, expect, it } from 'vitest';
import { isFiltered } from '../../src/core/isFiltered';
import { type Options, type ResolvedOptions, resolveOptions } from '../../src/core/options';

const options = (extra: Partial<Options> = {}) =>
  resolveOptions({ dsn: 'https://key@errors.example.com/1', ...extra }) as ResolvedOptions;
/** Whether an exception `Type: value` with this raw stack is dropped. */
const dropped = (value: string, stack?: string, o = options(), type = 'Error') =>
  !!isFiltered(`${type}: ${value}`, stack, o);

const CHROME = `TypeError: Cannot read properties of undefined (reading 'id')
    at render (https://shop.example.com/assets/app.js:10:15)
    at https://cdn.vendor.com/widget.js:1:200`;
const FIREFOX = `render@https://shop.example.com/assets/app.js:10:15
@https://cdn.vendor.com/widget.js:1:200`;
const EXTENSION = `TypeError: x is null
    at inject (chrome-extension://abcdefghijklmnop/content.js:3:9)
    at moz-extension://1234/other.js:1:1`;
const SAFARI_EXTENSION = `inject@safari-web-extension://1A2B3C/content.js:3:9
global code@safari-web-extension://1A2B3C/content.js:1:1`;

describe('isFiltered', () => {
  it('drops the noise every site gets, by default', () => {
    expect(dropped('Script error.')).toBe(true);
    expect(dropped('ResizeObserver loop completed with undelivered notifications.')).toBe(true);
    expect(dropped('ResizeObserver loop limit exceeded')).toBe(true);
    expect(dropped('x is undefined', CHROME)).toBe(false);
  });

  it('adds ignoreErrors to the defaults, tested against "Type: message" and message events', () => {
    const o = options({ ignoreErrors: ['NetworkError', /^TypeError: Cannot read/] });
    expect(dropped('NetworkError when fetching', undefined, o)).toBe(true);
    expect(
      dropped("Cannot read properties of undefined (reading 'id')", CHROME, o, 'TypeError'),
    ).toBe(true);
    expect(!!isFiltered('NetworkError in a message', undefined, o)).toBe(true);
    expect(dropped('Script error.', undefined, o)).toBe(true);
    expect(dropped('other', undefined, o)).toBe(false);
  });

  it('matches allowUrls and denyUrls against the crash frame, in Chrome and Firefox stacks', () => {
    for (const stack of [CHROME, FIREFOX]) {
      expect(dropped('x', stack, options({ denyUrls: [/\/assets\//] }))).toBe(true);
      expect(dropped('x', stack, options({ denyUrls: ['cdn.vendor.com'] }))).toBe(false);
      expect(dropped('x', stack, options({ allowUrls: ['shop.example.com'] }))).toBe(false);
      expect(dropped('x', stack, options({ allowUrls: ['cdn.vendor.com'] }))).toBe(true);
    }
  });

  it('ignores a URL quoted in the message line', () => {
    const stack = `Error: failed to load https://cdn.vendor.com/x.js
    at load (https://shop.example.com/app.js:2:3)`;
    expect(dropped('x', stack, options({ denyUrls: ['cdn.vendor.com'] }))).toBe(false);
  });

  it('drops errors whose frames all come from browser extensions, not those that pass through one', () => {
    expect(dropped('x is null', EXTENSION)).toBe(true);
    expect(dropped('x is null', SAFARI_EXTENSION)).toBe(true);
    const mixed = `${EXTENSION}\n    at main (https://shop.example.com/app.js:1:1)`;
    expect(dropped('x is null', mixed)).toBe(false);
  });
});
