import { describe, expect, it } from 'vitest';
import { serializeForStorage } from '../src/limits/trimEvent';
import { admin, createProject, envelope, outcomeCount, sendEnvelope, statsWhen } from './helpers';

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

  it('takes frame variables, oldest frame first, before touching extra', () => {
    const stored = JSON.parse(serializeForStorage(largeEvent(), 40_000));
    expect(stored.trimmed).toMatchObject({ breadcrumbs: 100, frame_vars: 1 });
    expect(stored.trimmed.extra).toBeUndefined();
    expect(stored.exception.values[0].stacktrace.frames[0].vars).toBeUndefined();
    expect(stored.exception.values[0].stacktrace.frames[1].vars).toEqual({ small: '1' });
    expect(stored.extra.huge).toHaveLength(30_000);
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

describe('an event over the row limit at ingestion', () => {
  it('is stored trimmed, with the record of what was cut readable through the API', async () => {
    const project = await createProject();
    const eventId = 'b'.repeat(32);
    const crumbs = Array.from({ length: 300 }, (_, index) => ({
      message: `click ${index} ${'x'.repeat(3000)}`,
    }));
    const body = envelope({}, [
      { type: 'event' },
      { event_id: eventId, message: 'checkout failed', breadcrumbs: { values: crumbs } },
    ]);
    expect((await sendEnvelope(project, body)).status).toBe(200);
    const stored = await admin<{ trimmed: Record<string, number>; breadcrumbs: { values: [] } }>(
      `/api/0/events/${eventId}/`,
    );
    expect(stored.trimmed.original_bytes).toBeGreaterThan(900_000);
    expect(stored.trimmed.breadcrumbs).toBeGreaterThan(0);
    expect(stored.breadcrumbs.values.length + Number(stored.trimmed.breadcrumbs)).toBe(300);
  });

  it('is a 413 counted invalid, not accepted, when nothing trimmable makes it fit', async () => {
    const project = await createProject();
    const context = Object.fromEntries(
      Array.from({ length: 320 }, (_, index) => [`key${index}`, 'y'.repeat(3000)]),
    );
    const body = envelope({}, [{ type: 'event' }, { message: 'x', contexts: { big: context } }]);
    const response = await sendEnvelope(project, body);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { detail: string }).detail).toContain('even after trimming');
    const stats = await statsWhen(project, (counted) => counted.outcomes.length > 0);
    expect(outcomeCount(stats, 'invalid', 'error', 'too_large')).toBe(1);
    expect(stats.totals.accepted).toBeUndefined();
  });
});
