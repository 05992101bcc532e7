import { describe, expect, it } from 'vitest';
import { exceptionValues } from '../../src/core/exceptionValues';

const handled = { type: 'generic', handled: true };

describe('exceptionValues', () => {
  it('sends the raw stack of an Error, with its type and message', () => {
    const error = new TypeError('x is not a function');
    expect(exceptionValues(error, handled)).toEqual([
      {
        type: 'TypeError',
        value: 'x is not a function',
        raw_stack: error.stack,
        mechanism: handled,
      },
    ]);
  });

  it('lists a cause chain oldest cause first, as Sentry orders it', () => {
    const root = new RangeError('disk full');
    const middle = new Error('write failed', { cause: root });
    const top = new Error('save failed', { cause: middle });
    expect(exceptionValues(top, handled).map((value) => value.value)).toEqual([
      'disk full',
      'write failed',
      'save failed',
    ]);
  });

  it('follows at most 5 causes, so a cycle ends', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(exceptionValues(error, handled)).toHaveLength(6);
  });

  it('describes a non-Error cause too', () => {
    const error = new Error('request failed', { cause: { status: 503 } });
    expect(exceptionValues(error, handled)[0]?.value).toBe('{"status":503}');
  });

  it('names a non-Error rejection UnhandledRejection and a thrown one Error', () => {
    const mechanism = { type: 'onunhandledrejection', handled: false };
    expect(exceptionValues('boom', mechanism, true)).toEqual([
      { type: 'UnhandledRejection', value: 'boom', mechanism },
    ]);
    expect(exceptionValues(undefined, handled)).toEqual([
      { type: 'Error', value: 'undefined', mechanism: handled },
    ]);
  });
});
