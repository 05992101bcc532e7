import { describe, expect, it } from 'vitest';
import { describeEvent } from '../src/fingerprint/describeEvent';
import { fingerprintEvent } from '../src/fingerprint/fingerprintEvent';
import { parseFingerprintRules } from '../src/fingerprint/fingerprintRules';
import { groupingFrames } from '../src/fingerprint/groupingFrames';
import { normalizeFunction } from '../src/fingerprint/normalizeFunction';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import type { SentryEvent } from '../src/protocol/SentryEvent';
import { parseEventStacks } from '../src/stack/parseEventStacks';
import { browserEvent } from './fixtures/events/browserEvent';
import { ASYNC_STACKS, LEGACY_STACKS, STACKS } from './fixtures/stacks';

/** An SDK event as the pipeline sees it at the fingerprint stage. */
function prepared(raw: Record<string, unknown>): SentryEvent {
  return parseEventStacks(normalizeEvent(raw, Date.now()));
}

function fromStack(stack: string, type = 'TypeError', value = 'boom'): SentryEvent {
  return prepared({
    platform: 'javascript',
    exception: { values: [{ type, value, raw_stack: stack }] },
  });
}

function messageEvent(message: unknown, extra: Record<string, unknown> = {}): SentryEvent {
  return prepared({ platform: 'python', ...extra, logentry: message });
}

describe('grouping across browsers', () => {
  const events = Object.values(STACKS).map((stack) =>
    prepared(browserEvent('a'.repeat(32), stack)),
  );

  it('groups the same TypeError from Chrome, Firefox and Safari into one issue', () => {
    const fingerprints = new Set(events.map((event) => fingerprintEvent(event)));
    expect(fingerprints.size).toBe(1);
  });

  it('names the culprit alike for every browser, from the innermost named frame', () => {
    for (const event of events) expect(describeEvent(event).culprit).toBe('total(app.js)');
    expect(describeEvent(events[0] as SentryEvent).title).toBe(
      "TypeError: Cannot read properties of undefined (reading 'price')",
    );
  });

  it('groups the same bug after an await into one issue despite each browser’s async frames', () => {
    const asyncEvents = Object.values(ASYNC_STACKS).map((stack) =>
      prepared(browserEvent('a'.repeat(32), stack)),
    );
    expect(new Set(asyncEvents.map((event) => fingerprintEvent(event))).size).toBe(1);
    for (const event of asyncEvents) expect(describeEvent(event).culprit).toBe('total(app.js)');
  });

  it('groups the ES5 bug from Chrome, Firefox and Internet Explorer into one issue', () => {
    const { chrome, firefox, ie } = LEGACY_STACKS;
    const legacy = [chrome, firefox, ie].map((stack) =>
      prepared(browserEvent('a'.repeat(32), stack)),
    );
    expect(new Set(legacy.map((event) => fingerprintEvent(event))).size).toBe(1);
    for (const event of legacy) expect(describeEvent(event).culprit).toBe('total(app.js)');
  });

  it('leaves natives and eval code out of grouping in every engine’s spelling', () => {
    const keys = (stack: { stack: string }) => {
      const event = prepared(browserEvent('a'.repeat(32), stack as (typeof STACKS)['chrome']));
      const frames = event.exception?.values?.[0]?.stacktrace?.frames ?? [];
      return groupingFrames(frames, 'javascript').map((key) => `${key.file}:${key.function}`);
    };
    const expected = ['app.js:', 'app.js:checkout', 'app.js:total', 'app.js:'];
    expect(keys(LEGACY_STACKS.chrome)).toEqual(expected);
    expect(keys(LEGACY_STACKS.firefox)).toEqual(expected);
    expect(keys(LEGACY_STACKS.ie)).toEqual(expected);
    // JavaScriptCore names no anonymous function assigned to a prototype (`@app.js:9:9`),
    // so Safari's stack has no `total`; its `map@[native code]` and `eval code@` drop out.
    expect(keys(LEGACY_STACKS.safari)).toEqual(['app.js:', 'app.js:checkout', 'app.js:']);
  });

  it.each([
    ['Anonymous function', ''],
    ['<anonymous function>', ''],
    ['eval code', ''],
    ['Foo.prototype.bar', 'bar'],
    ['Array.prototype.map', 'map'],
    ['test/<', ''],
    ['Cart.prototype.total/<', ''],
    ['Object.Anonymous function', ''],
  ])('reads the function name %j as grouping does (%j)', (name, expected) => {
    expect(normalizeFunction(name)).toBe(expected);
  });

  it('keeps a different bug in the same file apart', () => {
    const other = fromStack(STACKS.chrome.stack.replace('at checkout', 'at refund'));
    expect(fingerprintEvent(other)).not.toBe(fingerprintEvent(events[0] as SentryEvent));
  });

  it('keeps the same stack with another exception type apart', () => {
    const chrome = fromStack(STACKS.chrome.stack, 'TypeError');
    const range = fromStack(STACKS.chrome.stack, 'RangeError');
    expect(fingerprintEvent(chrome)).not.toBe(fingerprintEvent(range));
  });
});

describe('default fingerprint from frames', () => {
  it('ignores lines, columns, content hashes, versions and query strings', () => {
    const before = fromStack(
      'Error: x\n    at load (https://a.test/assets/index-BQ3cK5vy.js?v=1:10:5)\n    at run (https://a.test/vendor/jquery-3.6.0.min.js:1:2)',
    );
    const after = fromStack(
      'Error: x\n    at load (https://a.test/assets/index-Dk2p9QxZ.js?v=2:99:1)\n    at run (https://a.test/vendor/jquery-3.7.1.min.js:7:7)',
    );
    expect(fingerprintEvent(after)).toBe(fingerprintEvent(before));
  });

  it('treats Object.foo, Foo.prototype.foo and minified names alike', () => {
    const a = fromStack(
      'Error\n    at Object.save (https://a.test/app.js:1:1)\n    at e (https://a.test/app.js:2:2)',
    );
    const b = fromStack(
      'Error\n    at Store.prototype.save (https://a.test/app.js:5:1)\n    at t (https://a.test/app.js:9:2)',
    );
    expect(fingerprintEvent(a)).toBe(fingerprintEvent(b));
  });

  it('collapses recursion and drops native, eval and polyfill frames', () => {
    const plain = fromStack('Error\n    at walk (https://a.test/tree.js:1:1)');
    const noisy = fromStack(
      [
        'Error',
        '    at walk (https://a.test/tree.js:1:1)',
        '    at walk (https://a.test/tree.js:1:1)',
        '    at walk (https://a.test/tree.js:1:1)',
        '    at Array.map (native)',
        '    at eval (eval at run (https://a.test/x.js:1:1), <anonymous>:1:1)',
        '    at Promise.then (https://a.test/polyfills/core-js.3.js:1:1)',
      ].join('\n'),
    );
    expect(fingerprintEvent(noisy)).toBe(fingerprintEvent(plain));
  });

  it('drops Firefox’s Function-constructor and self-hosted frames and Safari’s natives', () => {
    const plain = fromStack('walk@https://a.test/tree.js:1:1\n');
    const noisy = fromStack(
      [
        'run@https://a.test/x.js line 3 > Function:1:1',
        'map@self-hosted:221:17',
        'forEach@[native code]',
        'walk@https://a.test/tree.js:1:1',
        '',
      ].join('\n'),
    );
    expect(fingerprintEvent(noisy)).toBe(fingerprintEvent(plain));
  });

  it('uses only in-app frames when some are marked in-app', () => {
    const frames = (vendor: string) => ({
      platform: 'python',
      exception: {
        values: [
          {
            type: 'KeyError',
            stacktrace: {
              frames: [
                { module: vendor, function: 'dispatch', in_app: false },
                { module: 'shop.views', function: 'checkout', in_app: true, lineno: 3 },
              ],
            },
          },
        ],
      },
    });
    expect(fingerprintEvent(prepared(frames('django.core')))).toBe(
      fingerprintEvent(prepared(frames('flask.app'))),
    );
  });
});

describe('fingerprint without a usable stack', () => {
  it('parameterises numbers, hex, UUIDs, emails, URLs, IPs, dates and quoted strings', () => {
    const a = fromStack(
      '',
      'Error',
      "Order 123 for a@b.io at https://x.test/1 from 10.0.0.1 on 2026-01-02T03:04:05Z id 0xff 9f8e7d6c5b4a 1b4e28ba-2fa1-11d2-883f-0016d3cca427 'x'",
    );
    const b = fromStack(
      '',
      'Error',
      "Order 987 for c@d.io at https://y.test/2 from 10.9.9.9 on 2025-05-06T07:08:09Z id 0x1a 1a2b3c4d5e6f 6ba7b810-9dad-11d1-80b4-00c04fd430c8 'y'",
    );
    expect(fingerprintEvent(a)).toBe(fingerprintEvent(b));
    expect(fingerprintEvent(fromStack('', 'Error', 'Order failed'))).not.toBe(fingerprintEvent(a));
  });

  it('groups log messages by their template, not their parameters', () => {
    const first = messageEvent({ message: 'payment failed for order %s', params: [1] });
    const second = messageEvent({ message: 'payment failed for order %s', params: [2] });
    const formatted = messageEvent({ formatted: 'payment failed for order 3' });
    const alsoFormatted = messageEvent({ formatted: 'payment failed for order 4' });
    expect(fingerprintEvent(first)).toBe(fingerprintEvent(second));
    expect(fingerprintEvent(formatted)).toBe(fingerprintEvent(alsoFormatted));
  });
});

describe('custom fingerprints', () => {
  const chrome = () => prepared(browserEvent('a'.repeat(32)));

  it('treats ["{{ default }}"] as the default and adds to it', () => {
    const custom = prepared(
      browserEvent('a'.repeat(32), STACKS.chrome, { fingerprint: ['{{ default }}'] }),
    );
    expect(fingerprintEvent(custom)).toBe(fingerprintEvent(chrome()));
    const split = prepared(
      browserEvent('a'.repeat(32), STACKS.chrome, { fingerprint: ['{{ default }}', 'checkout'] }),
    );
    expect(fingerprintEvent(split)).not.toBe(fingerprintEvent(chrome()));
  });

  it('groups by a project rule before the SDK fingerprint and the default', () => {
    const rules = parseFingerprintRules(['error.type:ChunkLoadError -> chunk-load']);
    const chunk = (file: string) =>
      fromStack(`ChunkLoadError: x\n    at load (https://a.test/${file}:1:1)`, 'ChunkLoadError');
    expect(fingerprintEvent(chunk('a.js'), rules)).toBe(fingerprintEvent(chunk('b.js'), rules));
    expect(fingerprintEvent(chunk('a.js'))).not.toBe(fingerprintEvent(chunk('b.js')));
    expect(fingerprintEvent(chrome(), rules)).toBe(fingerprintEvent(chrome()));
  });

  it('matches rules by globs, quoted values, negation and stack fields', () => {
    const rules = parseFingerprintRules([
      'stack.function:charge* !environment:staging -> payments',
      'message:"disk * full" -> disk',
    ]);
    const payment = (environment: string) =>
      prepared({
        environment,
        exception: {
          values: [{ type: 'E', stacktrace: { frames: [{ function: 'chargeCard' }] } }],
        },
      });
    expect(fingerprintEvent(payment('production'), rules)).toBe(
      fingerprintEvent(prepared({ fingerprint: ['payments'] })),
    );
    expect(fingerprintEvent(payment('staging'), rules)).not.toBe(
      fingerprintEvent(payment('production'), rules),
    );
    const disk = messageEvent({ formatted: 'disk /dev/sda1 full' });
    expect(fingerprintEvent(disk, rules)).toBe(
      fingerprintEvent(prepared({ fingerprint: ['disk'] })),
    );
  });
});

describe('culprits without a function name', () => {
  it('names only the file when every frame is anonymous', () => {
    const event = fromStack(
      'Error: Payment service unavailable\n    at HTMLButtonElement.<anonymous> (https://shop.test/example.js:20:18)',
    );
    expect(describeEvent(event).culprit).toBe('example.js');
  });

  it('uses the page URL without its query for an event without frames', () => {
    const event = prepared({
      platform: 'javascript',
      message: 'User opened the page',
      request: { url: 'https://shop.test/checkout?token=abc#step-2' },
    });
    expect(describeEvent(event).culprit).toBe('https://shop.test/checkout');
  });
});
