import { describe, expect, it } from 'vitest';
import { detectNPlusOne } from '../../src/insights/detectNPlusOne';
import { normalizeQuery } from '../../src/insights/normalizeQuery';
import type { TraceSegment, TraceSpan } from '../../src/types/Trace';

const ROOT = 'a000000000000000';
const VIEW = 'b000000000000000';

function span(
  id: number,
  op: string,
  description: string,
  start: number,
  ms: number,
  parent = VIEW,
): TraceSpan {
  return {
    spanId: `c${String(id).padStart(15, '0')}`,
    parentSpanId: parent,
    op,
    description,
    startTimestamp: start,
    timestamp: start + ms,
    status: 'ok',
    data: {},
  };
}

/** A Django-like request: a view span, the source query, then `repeats` queries of `ms` each. */
function segment(repeats: number, ms: number, op = 'db', extra: TraceSpan[] = []): TraceSegment {
  const spans = [
    span(0, 'view.render', 'books.views.list', 1000, 500, ROOT),
    span(1, op, 'SELECT "books"."id", "books"."author_id" FROM "books"', 1001, 3),
    ...Array.from({ length: repeats }, (_, i) =>
      span(
        2 + i,
        op,
        `SELECT "authors"."name" FROM "authors" WHERE "authors"."id" = ${i + 1} LIMIT 21`,
        1005 + i * (ms + 1),
        ms,
      ),
    ),
    ...extra,
  ].map((s, i) => (i === 0 ? { ...s, spanId: VIEW } : s));
  return {
    projectId: 1,
    eventId: 'f'.repeat(32),
    traceId: 'e'.repeat(32),
    spanId: ROOT,
    parentSpanId: null,
    name: '/books/',
    nameSource: 'route',
    op: 'http.server',
    status: 'ok',
    startTimestamp: 999,
    timestamp: 1600,
    release: null,
    environment: null,
    measurements: {},
    spans,
  };
}

describe('detectNPlusOne', () => {
  it('finds the same query repeated under one parent after a source query', () => {
    const [problem, ...others] = detectNPlusOne(segment(8, 12));
    expect(others).toEqual([]);
    expect(problem).toMatchObject({
      query: 'SELECT "authors"."name" FROM "authors" WHERE "authors"."id" = %s LIMIT %s',
      sourceQuery: 'SELECT "books"."id", "books"."author_id" FROM "books"',
      parentSpanId: VIEW,
      repeatCount: 8,
      totalMs: 96,
    });
    expect(problem?.offendingSpanIds).toHaveLength(8);
  });

  it('needs at least 5 repeats and 50 ms in total', () => {
    expect(detectNPlusOne(segment(4, 30))).toEqual([]);
    expect(detectNPlusOne(segment(5, 9))).toEqual([]);
    expect(detectNPlusOne(segment(5, 10))).toHaveLength(1);
  });

  it('ignores redis and connection spans', () => {
    expect(detectNPlusOne(segment(8, 12, 'db.redis'))).toEqual([]);
    expect(detectNPlusOne(segment(8, 12, 'db.connection'))).toEqual([]);
  });

  it('does not group truncated queries', () => {
    const truncated = segment(8, 12);
    truncated.spans = truncated.spans.map((s, i) =>
      i >= 2 ? { ...s, description: 'SELECT "authors"."name" FROM ...' } : s,
    );
    expect(detectNPlusOne(truncated)).toEqual([]);
  });

  it('finds nothing in one joined query (select_related)', () => {
    const joined = segment(0, 0);
    expect(detectNPlusOne(joined)).toEqual([]);
  });

  it('normalizes literals, numbers and IN lists', () => {
    expect(normalizeQuery("SELECT * FROM t WHERE a = 'x''y' AND b IN (1, 2,3) AND c = -4.5")).toBe(
      'SELECT * FROM t WHERE a = %s AND b IN (%s) AND c = %s',
    );
    expect(normalizeQuery('SELECT "t1"."id" FROM "t1" WHERE "id" = %s')).toBe(
      'SELECT "t1"."id" FROM "t1" WHERE "id" = %s',
    );
  });
});
