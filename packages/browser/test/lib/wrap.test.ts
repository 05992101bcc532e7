import { describe, expect, it, vi } from 'vitest';
import { wrap } from '../../src/lib/wrap';

describe('wrap', () => {
  it('calls the original with the same this and arguments and returns its result', () => {
    const target = {
      factor: 3,
      times(value: number) {
        return value * this.factor;
      },
    };
    const after = vi.fn();
    wrap(target, 'times', after);
    expect(target.times(2)).toBe(6);
    expect(after).toHaveBeenCalledWith(6, [2], target);
  });

  it('never lets the after hook break the call', () => {
    const target = { ping: () => 'pong' };
    wrap(target, 'ping', () => {
      throw new Error('hook failed');
    });
    expect(target.ping()).toBe('pong');
  });

  it('lets the original throw to the caller as before', () => {
    const target = {
      fail: () => {
        throw new RangeError('no');
      },
    };
    wrap(target, 'fail', () => {});
    expect(() => target.fail()).toThrow(RangeError);
  });
});
