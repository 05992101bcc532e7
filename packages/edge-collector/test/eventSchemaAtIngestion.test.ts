import { describe, expect, it } from 'vitest';
import { admin, createProject, envelope, sendEnvelope } from './helpers';
import { newEventId } from './issueHelpers';

interface Frame {
  filename?: unknown;
  function?: unknown;
  lineno?: unknown;
}
interface Stored {
  exception: { values: { type: string; stacktrace: { frames: Frame[] } }[] };
  _meta?: Record<string, unknown>;
}

const invalid = (reason: string, val?: unknown) => ({
  '':
    val === undefined
      ? { err: [['invalid_data', { reason }]] }
      : { err: [['invalid_data', { reason }]], val },
});

describe('the event schema at ingestion', () => {
  it.each([
    ['a number', 42],
    ['an object', { name: 'checkout' }],
    ['a list', ['app.js']],
    ['a boolean', true],
  ])(
    'stores an event whose frame filename and function are %s, noting what was removed',
    async (_, odd) => {
      const project = await createProject();
      const eventId = newEventId();
      const event = {
        event_id: eventId,
        platform: 'javascript',
        exception: {
          values: [
            {
              type: 'TypeError',
              value: 'schema',
              stacktrace: {
                frames: [
                  { filename: odd, function: odd, lineno: '12' },
                  { filename: 'https://shop.test/app.js', function: 'pay', lineno: 3 },
                ],
              },
            },
          ],
        },
      };
      const response = await sendEnvelope(project, envelope({}, [{ type: 'event' }, event]));
      expect(response.status).toBe(200);
      const stored = await admin<Stored>(`/api/0/events/${eventId}/`);
      const [first, second] = stored.exception.values[0]?.stacktrace.frames ?? [];
      expect(first?.filename).toBeUndefined();
      expect(first?.function).toBeUndefined();
      expect(first?.lineno).toBeUndefined();
      expect(second).toMatchObject({ function: 'pay', lineno: 3 });
      const kept = typeof odd === 'object' ? undefined : odd;
      expect(stored._meta).toEqual({
        exception: {
          values: {
            '0': {
              stacktrace: {
                frames: {
                  '0': {
                    filename: invalid('expected a string', kept),
                    function: invalid('expected a string', kept),
                    lineno: invalid('expected a number', '12'),
                  },
                },
              },
            },
          },
        },
      });
    },
  );

  it('keeps the _meta an SDK sent and adds its own notes beside it', async () => {
    const project = await createProject();
    const eventId = newEventId();
    const sdkNote = { '': { len: 12 } };
    const event = {
      event_id: eventId,
      message: 'fine',
      user: 5,
      _meta: { extra: { big: sdkNote } },
    };
    expect((await sendEnvelope(project, envelope({}, [{ type: 'event' }, event]))).status).toBe(
      200,
    );
    const stored = await admin<Stored>(`/api/0/events/${eventId}/`);
    expect(stored._meta).toEqual({
      extra: { big: sdkNote },
      user: invalid('expected an object', 5),
    });
  });
});
