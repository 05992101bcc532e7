import { describe, expect, it } from 'vitest';
import { limitSegment } from '../../src/traces/limitSegment';
import { prepareSegment } from '../../src/traces/prepareSegment';
import type { TraceSegment, TraceSpan } from '../../src/types/Trace';

function span(overrides: Partial<TraceSpan>): TraceSpan {
  return {
    spanId: 'b'.repeat(16),
    parentSpanId: 'a'.repeat(16),
    op: 'db',
    description: '',
    startTimestamp: 1_000,
    timestamp: 1_010,
    status: 'ok',
    data: {},
    ...overrides,
  };
}

function segment(spans: TraceSpan[], overrides: Partial<TraceSegment> = {}): TraceSegment {
  return {
    projectId: 1,
    eventId: 'c'.repeat(32),
    traceId: 'd'.repeat(32),
    spanId: 'a'.repeat(16),
    parentSpanId: null,
    name: '/account',
    nameSource: 'route',
    op: 'http.server',
    status: 'ok',
    startTimestamp: 1_000,
    timestamp: 2_000,
    release: null,
    environment: null,
    measurements: {},
    spans,
    ...overrides,
  };
}

describe('spans are scrubbed like events', () => {
  it('masks secrets in descriptions and data, and URLs lose their query', () => {
    const prepared = prepareSegment(
      segment(
        [
          span({ description: "SELECT * FROM users WHERE email = 'jane.roe@shop.example'" }),
          span({
            op: 'http.client',
            description: 'GET https://api.example.com/v1/me?api_key=sk_live_51Habc&page=2',
            data: {
              'url.full': 'https://api.example.com/v1/me?api_key=sk_live_51Habc',
              password: 'hunter2-secret',
            },
          }),
          span({
            op: 'resource.script',
            description: 'https://bob:s3cretpw@cdn.example.com/app.js#x',
          }),
        ],
        {
          data: {
            'url.full': 'https://shop.example/account?session=abcdef123456',
            'user.email': 'jane.roe@shop.example',
          },
        },
      ),
      {},
    );
    const [sql, http, resource] = prepared.spans;
    expect(sql?.description).toBe("SELECT * FROM users WHERE email = '[email]'");
    expect(http?.description).toBe('GET https://api.example.com/v1/me');
    expect(http?.data.password).toBe('[Filtered]');
    expect(JSON.stringify(http?.data)).not.toContain('sk_live_51Habc');
    expect(resource?.description).not.toContain('s3cretpw');
    expect(JSON.stringify(prepared.data)).not.toContain('jane.roe@shop.example');
    expect(JSON.stringify(prepared)).not.toContain('abcdef123456');
    // Ids, ops and times are not scrubbed.
    expect(prepared.spans.map((each) => each.op)).toEqual(['db', 'http.client', 'resource.script']);
    expect(prepared.traceId).toBe('d'.repeat(32));
  });

  it('scrubs the transaction name too', () => {
    const prepared = prepareSegment(
      segment([], { name: 'export for jane.roe@shop.example', nameSource: 'custom' }),
      {},
    );
    expect(prepared.name).toBe('export for [email]');
  });
});

describe('limits', () => {
  it('drops the shortest spans of a segment over the limit and says how many', () => {
    const spans = Array.from({ length: 200 }, (_, index) =>
      span({
        spanId: index.toString(16).padStart(16, '0'),
        description: `SELECT ${'x'.repeat(500)} /* ${index} */`,
        timestamp: 1_000 + index,
      }),
    );
    const limited = limitSegment(segment(spans), 50_000);
    expect(new TextEncoder().encode(JSON.stringify(limited)).length).toBeLessThanOrEqual(50_000);
    expect(limited.trimmedSpans).toBe(200 - limited.spans.length);
    expect(limited.spans.length).toBeGreaterThan(50);
    // The longest spans stay.
    expect(limited.spans.at(-1)?.description).toContain('/* 199 */');
    expect(Math.min(...limited.spans.map((each) => each.timestamp - each.startTimestamp))).toBe(
      200 - limited.spans.length,
    );
  });

  it('cuts strings over 4096 characters before dropping spans', () => {
    const limited = limitSegment(segment([span({ description: 'y'.repeat(100_000) })]), 20_000);
    expect(limited.spans).toHaveLength(1);
    expect(limited.spans[0]?.description.length).toBe(4097);
    expect(limited.trimmedSpans).toBeUndefined();
  });
});
