import { describe, expect, it } from 'vitest';
import {
  admin,
  createProject,
  envelope,
  outcomeCount,
  sendEnvelope,
  statsWhen,
  waitFor,
  waitUntilIngested,
} from './helpers';
import { seededRandom } from './insights/seededRandom';

const SPAN_STREAM = 'application/vnd.sentry.items.span.v2+json';

/** Hex that gzip halves at best: each item packs to most of a queue message. */
function noise(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += Math.floor(random() * 0xffffffff).toString(16);
  return text.slice(0, length);
}

/** A streamed segment span of its own trace, with a large attribute. */
function segmentItem(traceId: string, filler: string): [object, unknown] {
  const span = {
    name: '/checkout',
    trace_id: traceId,
    span_id: traceId.slice(0, 16),
    start_timestamp: 1796401682.5,
    end_timestamp: 1796401683.5,
    is_segment: true,
    status: 'ok',
    attributes: {
      'sentry.op': { value: 'pageload', type: 'string' },
      'app.filler': { value: filler, type: 'string' },
    },
  };
  return [
    { type: 'span', item_count: 1, content_type: SPAN_STREAM },
    { version: 2, items: [span] },
  ];
}

describe('queue message limits', () => {
  it('queues an envelope whose items together exceed what one queue send carries', async () => {
    const project = await createProject();
    const random = seededRandom(7);
    const traceIds = ['1', '2', '3', '4'].map((digit) => digit.repeat(32));
    const body = envelope(
      {},
      ...traceIds.map((traceId) => segmentItem(traceId, noise(random, 120_000))),
    );
    expect(body.length).toBeGreaterThan(256 * 1024);

    const response = await sendEnvelope(project, body);
    expect(response.status, await response.text()).toBe(200);
    for (const traceId of traceIds) {
      const trace = await waitForTrace(project.id, traceId);
      expect(trace.transactions.map((transaction) => transaction.name)).toEqual(['/checkout']);
    }
  });

  it('counts an item of a type no SDK names under "unknown", whatever its length', async () => {
    const project = await createProject();
    const eventId = 'c'.repeat(32);
    const body = envelope(
      { event_id: eventId },
      [{ type: 'event' }, { event_id: eventId, message: 'upload failed' }],
      [{ type: 'x'.repeat(200_000), length: 4 }, 'data'],
    );

    const response = await sendEnvelope(project, body);
    expect(response.status, await response.text()).toBe(200);
    await waitUntilIngested(Number(project.id), eventId);
    const stats = await statsWhen(project, (s) => outcomeCount(s, 'received', 'unknown') === 1);
    expect(stats.outcomes.every((row) => row.category.length < 40)).toBe(true);
  });
});

interface TraceAnswer {
  transactions: { name: string }[];
}

/** The trace once the consumer stored its segment (the edge answers before that). */
function waitForTrace(projectId: string, traceId: string): Promise<TraceAnswer> {
  return waitFor(async () => {
    const trace = await admin<TraceAnswer>(`/api/0/projects/${projectId}/traces/${traceId}/`).catch(
      () => undefined,
    );
    return trace && trace.transactions.length > 0 ? trace : undefined;
  }, `trace ${traceId}`);
}
