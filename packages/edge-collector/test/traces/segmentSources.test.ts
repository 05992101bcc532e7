import { describe, expect, it } from 'vitest';
import { transactionTimes } from '../../src/ingest/transactionTimes';
import type { SentryEvent } from '../../src/protocol/SentryEvent';
import { mergeSegmentUpdate } from '../../src/traces/mergeSegmentUpdate';
import { prepareSegment } from '../../src/traces/prepareSegment';
import { spanStreamToSegments } from '../../src/traces/spanStreamToSegments';
import { transactionToSegment } from '../../src/traces/transactionToSegment';
import type { TraceSegment } from '../../src/types/Trace';
import pythonTransaction from '../fixtures/sentry-python-transaction-envelope.json';
import { ENVELOPES, itemPayload } from './fixtureItems';

const SCRUB = { scrubIpAddresses: false };

function fromTransaction(event: Record<string, unknown>): TraceSegment {
  const segment = transactionToSegment(event as unknown as SentryEvent, transactionTimes(event), 1);
  return prepareSegment(segment, SCRUB);
}

function fromStream(): TraceSegment {
  const pageload = spanStreamToSegments(itemPayload(ENVELOPES.streamedPageload, 'span'), 1);
  const vitals = spanStreamToSegments(itemPayload(ENVELOPES.streamedVitals, 'span'), 1);
  expect(pageload.segments).toHaveLength(1);
  expect(pageload.updates).toEqual([]);
  expect(vitals.segments).toEqual([]);
  expect(vitals.updates).toHaveLength(1);
  const [segment] = pageload.segments.map((each) => prepareSegment(each, SCRUB));
  const [update] = vitals.updates;
  return mergeSegmentUpdate(segment as TraceSegment, update as NonNullable<typeof update>);
}

/** The spans as a set of what they are, without times and ids (each capture has its own). */
function spanKinds(segment: TraceSegment): string[] {
  return [...new Set(segment.spans.map((span) => `${span.op} ${span.description}`))].sort();
}

describe('the trace model', () => {
  it('maps a @sentry/browser 11 span stream and its late web vitals to the page load a transaction event gives', () => {
    const streamed = fromStream();
    const event = fromTransaction(itemPayload(ENVELOPES.staticPageload, 'transaction'));

    for (const segment of [streamed, event]) {
      expect(segment).toMatchObject({
        name: '/orders/*',
        nameSource: 'sanitized',
        op: 'pageload',
        parentSpanId: null,
        release: 'web@3.1.0',
        environment: 'capture',
      });
      expect(segment.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(segment.spanId).toMatch(/^[0-9a-f]{16}$/);
      for (const span of segment.spans) expect(span.parentSpanId).toBe(segment.spanId);
    }
    expect(spanKinds(streamed)).toEqual(spanKinds(event));
    expect(spanKinds(streamed)).toEqual(
      expect.arrayContaining([
        'http.client GET /api/orders/17',
        'http.client GET http://localhost:47018/cross/items/5f0c9a7e-0b1e-4c5a-9d2f-3a4b5c6d7e8f',
        'browser.request http://127.0.0.1:47017/orders/17',
        'resource.script /app.js',
        'resource.img /hero.svg',
        'browser.paint first-contentful-paint',
        'ui.long_animation_frame Main UI thread blocked',
      ]),
    );

    // The transaction event has no INP: @sentry/browser sends it as a span of its own.
    const vitals = ['lcp', 'fcp', 'ttfb', 'cls'];
    for (const segment of [streamed, event]) {
      for (const vital of vitals) expect(segment.measurements[vital]?.value).toBeGreaterThan(0);
      expect(segment.measurements.cls?.unit).toBe('');
      expect(segment.measurements.lcp?.unit).toBe('millisecond');
      expect(segment.data?.['lcp.element']).toBe('body > div#top > div');
    }
    expect(Object.keys(streamed.measurements).sort()).toEqual(
      [...Object.keys(event.measurements), 'inp'].sort(),
    );
    // The click ran a 300 ms handler.
    expect(streamed.measurements.inp?.unit).toBe('millisecond');
    expect(streamed.measurements.inp?.value).toBeGreaterThanOrEqual(300);
    expect(streamed.data?.['inp.target']).toBe('body > button#slow');
  });

  it('keeps the web vital spans out of the spans once they are measurements', () => {
    const ops = fromStream().spans.map((span) => span.op);
    expect(ops.filter((op) => /^ui\.(webvital|interaction)\./.test(op))).toEqual([]);
  });

  it('maps a sentry-python transaction with its custom name kept', () => {
    const segment = fromTransaction(pythonTransaction.transaction);
    expect(segment).toMatchObject({
      eventId: '6d9299eecff946a18fd91f0e17c75a93',
      traceId: '47267b17d9db442db6a6f50f0b5528d5',
      spanId: '8ec1271bb21383bb',
      parentSpanId: null,
      name: 'job',
      nameSource: 'custom',
      op: 'task',
      status: 'ok',
      release: 'r1',
      environment: 'prod',
      spans: [],
    });
    // RFC 3339 times with microseconds: the 130 µs of this transaction survive.
    expect(segment.timestamp - segment.startTimestamp).toBeCloseTo(0.13, 3);
  });

  it('maps the child spans of a backend transaction with their parents and data', () => {
    const event = {
      ...pythonTransaction.transaction,
      transaction: '/orders/{order_id}',
      transaction_info: { source: 'route' },
      contexts: {
        trace: {
          ...pythonTransaction.transaction.contexts.trace,
          op: 'http.server',
          parent_span_id: 'a1b2c3d4e5f60718',
        },
      },
      spans: [
        {
          span_id: '9a8b7c6d5e4f3a2b',
          parent_span_id: '8ec1271bb21383bb',
          op: 'db',
          description: 'SELECT * FROM orders WHERE id = %s',
          start_timestamp: '2026-11-21T06:28:46.811500Z',
          timestamp: '2026-11-21T06:28:46.811580Z',
          data: { 'db.system': 'sqlite' },
        },
      ],
    };
    const segment = fromTransaction(event);
    expect(segment).toMatchObject({
      name: '/orders/{order_id}',
      nameSource: 'route',
      op: 'http.server',
    });
    expect(segment.parentSpanId).toBe('a1b2c3d4e5f60718');
    expect(segment.spans).toEqual([
      {
        spanId: '9a8b7c6d5e4f3a2b',
        parentSpanId: '8ec1271bb21383bb',
        op: 'db',
        description: 'SELECT * FROM orders WHERE id = %s',
        startTimestamp: expect.closeTo(Date.parse('2026-11-21T06:28:46.811Z') + 0.5, 3),
        timestamp: expect.closeTo(Date.parse('2026-11-21T06:28:46.811Z') + 0.58, 3),
        status: 'ok',
        data: { 'db.system': 'sqlite' },
      },
    ]);
  });
});
