import { describe, expect, it } from 'vitest';
import { serializeForStorage } from '../src/limits/trimEvent';

const bigString = (size: number) => 'x'.repeat(size);

function largeEvent() {
  return {
    event_id: 'a'.repeat(32),
    breadcrumbs: {
      values: Array.from({ length: 100 }, (_, index) => ({
        message: `${index} ${bigString(900)}`,
      })),
    },
    exception: {
      values: [
        {
          type: 'ValueError',
          stacktrace: {
            frames: [
              { function: 'outer', vars: { blob: bigString(20_000) } },
              { function: 'inner', vars: { small: '1' } },
            ],
          },
        },
      ],
    },
    extra: { huge: bigString(30_000), tiny: 'ok' },
  };
}

describe('serializeForStorage', () => {
  it('leaves an event that fits untouched', () => {
    const event = { event_id: 'a'.repeat(32), message: 'hi' };
    expect(JSON.parse(serializeForStorage(event))).toEqual(event);
  });

  it('drops the oldest breadcrumbs first and notes how many', () => {
    const stored = JSON.parse(serializeForStorage(largeEvent(), 80_000));
    expect(stored.trimmed.breadcrumbs).toBeGreaterThan(0);
    const kept = stored.breadcrumbs.values;
    expect(kept.at(-1).message).toMatch(/^99 /);
    expect(stored.exception.values[0].stacktrace.frames[1].vars).toEqual({ small: '1' });
  });

  it("then every frame's variables, then the largest extra", () => {
    const stored = JSON.parse(serializeForStorage(largeEvent(), 10_000));
    expect(stored.breadcrumbs.values).toEqual([]);
    expect(stored.trimmed).toMatchObject({ breadcrumbs: 100, frame_vars: 2, extra: ['huge'] });
    expect(stored.exception.values[0].stacktrace.frames[0].vars).toBeUndefined();
    expect(stored.extra).toEqual({ tiny: 'ok' });
    expect(stored.trimmed.original_bytes).toBeGreaterThan(100_000);
  });

  it('cuts long strings as a last resort, and refuses what still does not fit', () => {
    const stored = JSON.parse(serializeForStorage({ message: bigString(50_000) }, 10_000));
    expect(stored.message.length).toBeLessThan(5000);
    expect(stored.trimmed.strings).toBe(1);
    const many = { values: Array.from({ length: 5000 }, (_, index) => index) };
    expect(() => serializeForStorage(many, 1000)).toThrow('even after trimming');
  });
});
