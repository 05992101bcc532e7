import { describe, expect, it } from 'vitest';
import { isFiltered } from '../../src/core/isFiltered';
import { type Options, resolveOptions } from '../../src/core/options';
import type { ExceptionValue } from '../../src/core/types';

const options = (extra: Partial<Options> = {}) => resolveOptions({ dsn: 'x', ...extra });
const mechanism = { type: 'onerror', handled: false };
const error = (value: string, rawStack?: string, type = 'Error'): ExceptionValue => ({
  type,
  value,
  raw_stack: rawStack,
  mechanism,
});

const CHROME = `TypeError: Cannot read properties of undefined (reading 'id')
    at render (https://shop.example.com/assets/app.js:10:15)
    at https://cdn.vendor.com/widget.js:1:200`;
const FIREFOX = `render@https://shop.example.com/assets/app.js:10:15
@https://cdn.vendor.com/widget.js:1:200`;
const EXTENSION = `TypeError: x is null
    at inject (chrome-extension://abcdefghijklmnop/content.js:3:9)
    at moz-extension://1234/other.js:1:1`;

describe('isFiltered', () => {
  it('drops the noise every site gets, by default', () => {
    expect(isFiltered(error('Script error.'), undefined, options())).toBe(true);
    expect(
      isFiltered(
        error('ResizeObserver loop completed with undelivered notifications.'),
        undefined,
        options(),
      ),
    ).toBe(true);
    expect(isFiltered(error('x is undefined', CHROME), undefined, options())).toBe(false);
  });

  it('adds ignoreErrors to the defaults, tested against "Type: message" and message events', () => {
    const o = options({ ignoreErrors: ['NetworkError', /^TypeError: Cannot read/] });
    expect(isFiltered(error('NetworkError when fetching'), undefined, o)).toBe(true);
    expect(
      isFiltered(
        error("Cannot read properties of undefined (reading 'id')", CHROME, 'TypeError'),
        undefined,
        o,
      ),
    ).toBe(true);
    expect(isFiltered(undefined, 'NetworkError in a message', o)).toBe(true);
    expect(isFiltered(error('Script error.'), undefined, o)).toBe(true);
    expect(isFiltered(error('other'), undefined, o)).toBe(false);
  });

  it('matches allowUrls and denyUrls against the crash frame, in Chrome and Firefox stacks', () => {
    for (const stack of [CHROME, FIREFOX]) {
      const crash = error('x', stack);
      expect(isFiltered(crash, undefined, options({ denyUrls: [/\/assets\//] }))).toBe(true);
      expect(isFiltered(crash, undefined, options({ denyUrls: ['cdn.vendor.com'] }))).toBe(false);
      expect(isFiltered(crash, undefined, options({ allowUrls: ['shop.example.com'] }))).toBe(
        false,
      );
      expect(isFiltered(crash, undefined, options({ allowUrls: ['cdn.vendor.com'] }))).toBe(true);
    }
  });

  it('ignores a URL quoted in the message line', () => {
    const stack = `Error: failed to load https://cdn.vendor.com/x.js
    at load (https://shop.example.com/app.js:2:3)`;
    expect(
      isFiltered(error('x', stack), undefined, options({ denyUrls: ['cdn.vendor.com'] })),
    ).toBe(false);
  });

  it('drops errors that come only from browser extensions, not those that pass through one', () => {
    expect(isFiltered(error('x is null', EXTENSION), undefined, options())).toBe(true);
    const mixed = `${EXTENSION}\n    at main (https://shop.example.com/app.js:1:1)`;
    expect(isFiltered(error('x is null', mixed), undefined, options())).toBe(false);
  });
});
