import { describe, expect, it } from 'vitest';
import { normalizeEventSchema } from '../src/protocol/normalizeEventSchema';
import { MAX_META_NOTES } from '../src/protocol/schema/MetaNotes';

const note = (reason: string, val?: unknown) => ({
  '':
    val === undefined
      ? { err: [['invalid_data', { reason }]] }
      : { err: [['invalid_data', { reason }]], val },
});

describe('normalizeEventSchema', () => {
  it('keeps a valid event as it is, unknown fields included', () => {
    const event = {
      message: 'fine',
      release: 'shop@1.0',
      tags: { plan: 'pro' },
      user: { id: '42', geo: { country_code: 'DE' } },
      request: { url: 'https://shop.test/', headers: [['User-Agent', 'Firefox']] },
      breadcrumbs: { values: [{ category: 'ui.click', timestamp: 1.5, data: { x: 1 } }] },
      something_new: { any: ['shape'] },
    };
    expect(normalizeEventSchema(event)).toEqual(event);
  });

  it('coerces numbers and booleans where the protocol reads a string leniently', () => {
    const result = normalizeEventSchema({
      release: 5,
      user: { id: 42 },
      tags: { retries: 3, beta: true },
      fingerprint: ['{{ default }}', 7],
      exception: { values: [{ type: 'E', value: { code: 1 } }] },
    });
    expect(result).toEqual({
      release: '5',
      user: { id: '42' },
      tags: { retries: '3', beta: 'true' },
      fingerprint: ['{{ default }}', '7'],
      exception: { values: [{ type: 'E', value: '{"code":1}' }] },
    });
  });

  it('removes values of the wrong type and notes each in _meta', () => {
    const result = normalizeEventSchema({
      user: 'bob',
      tags: { ok: 'yes', nested: { a: 1 } },
      contexts: { trace: { op: 5, trace_id: 'abc' }, os: 'Linux' },
      breadcrumbs: [null, 'x', { message: 9 }],
      environment: ['prod'],
      spans: [{ op: 'db', span_id: 7 }],
      measurements: { lcp: { value: 'fast' } },
    });
    expect(result).toEqual({
      tags: { ok: 'yes' },
      contexts: { trace: { trace_id: 'abc' } },
      breadcrumbs: { values: [{}] },
      spans: [{ op: 'db' }],
      measurements: { lcp: {} },
      _meta: {
        user: note('expected an object', 'bob'),
        tags: { nested: note('expected a string') },
        contexts: {
          trace: { op: note('expected a string', 5) },
          os: note('expected an object', 'Linux'),
        },
        breadcrumbs: {
          values: {
            '1': note('expected an object', 'x'),
            '2': { message: note('expected a string', 9) },
          },
        },
        environment: note('expected a string'),
        spans: { '0': { span_id: note('expected a string', 7) } },
        measurements: { lcp: { value: note('expected a number', 'fast') } },
      },
    });
  });

  it('keeps null context lines and drops null frames', () => {
    const result = normalizeEventSchema({
      stacktrace: { frames: [null, { filename: 'a.py', pre_context: ['x', null], lineno: 1 }] },
    });
    expect(result).toEqual({
      stacktrace: { frames: [{ filename: 'a.py', pre_context: ['x', null], lineno: 1 }] },
    });
  });

  it(`notes at most ${MAX_META_NOTES} removals one by one, and counts the rest`, () => {
    const frames = Array.from({ length: 250 }, () => 1);
    const result = normalizeEventSchema({ stacktrace: { frames } }) as {
      stacktrace: { frames: unknown[] };
      _meta: { '': { removed: number }; stacktrace: { frames: Record<string, unknown> } };
    };
    expect(result.stacktrace.frames).toEqual([]);
    expect(Object.keys(result._meta.stacktrace.frames)).toHaveLength(MAX_META_NOTES);
    expect(result._meta[''].removed).toBe(250);
  });

  it('keeps a __proto__ key as a plain field, so no check is bypassed through the prototype', () => {
    const result = normalizeEventSchema(
      JSON.parse('{"__proto__": {"exception": 5}, "message": "x"}'),
    );
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result.exception).toBeUndefined();
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
  });

  it('lays its notes over the _meta the SDK sent, and drops one that is not an object', () => {
    const sent = {
      exception: {
        values: { '0': { stacktrace: { frames: { '0': { vars: { '': { len: 12 } } } } } } },
      },
    };
    const result = normalizeEventSchema({ exception: { values: [{ type: 5 }] }, _meta: sent });
    expect(result._meta).toEqual({
      exception: {
        values: {
          '0': {
            stacktrace: { frames: { '0': { vars: { '': { len: 12 } } } } },
            type: note('expected a string', 5),
          },
        },
      },
    });
    expect(normalizeEventSchema({ message: 'x', _meta: 'forged' })).toEqual({ message: 'x' });
  });
});
