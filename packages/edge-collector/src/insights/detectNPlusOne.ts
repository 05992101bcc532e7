import type { TraceSegment, TraceSpan } from '../types/Trace';
import { normalizeQuery } from './normalizeQuery';

/** Sentry's defaults: at least 5 repeated queries taking at least 50 ms together. */
export const N_PLUS_ONE_MIN_REPEATS = 5;
export const N_PLUS_ONE_MIN_TOTAL_MS = 50;

export interface NPlusOneProblem {
  /** The repeated query, normalized (`… WHERE "id" = %s`). */
  query: string;
  /** The query that fetched the rows the loop runs over. */
  sourceQuery: string;
  parentSpanId: string;
  sourceSpanId: string;
  offendingSpanIds: string[];
  repeatCount: number;
  /** Sum of the repeated spans' durations, ms. */
  totalMs: number;
}

/** DB spans, but not connection or redis ones (Sentry's `_is_db_op`). */
function isDbSpan(span: TraceSpan): boolean {
  return (
    span.op.startsWith('db') &&
    !span.op.startsWith('db.redis') &&
    !span.op.startsWith('db.connection')
  );
}

/** A truncated query could hide a difference: Sentry does not group on it. */
function isComplete(query: string): boolean {
  return query !== '' && !query.endsWith('...') && !query.includes('pg-pool.connect');
}

/**
 * Sentry's N+1 DB detector (NPlusOneDBSpanDetector) on one segment: spans in
 * start order; a DB span whose parent is the root or a non-DB span is a
 * possible source query; the DB spans right after it with the same parent and
 * the same normalized query (different from the source's) are the repeats; any
 * other span ends the run. A run of at least 5 repeats taking at least 50 ms
 * is a problem. One problem per distinct (parent, source, query).
 */
export function detectNPlusOne(segment: TraceSegment): NPlusOneProblem[] {
  const parents = new Set([segment.spanId]);
  const spans = [...segment.spans].sort((a, b) => a.startTimestamp - b.startTimestamp);
  const problems = new Map<string, NPlusOneProblem>();
  let source: TraceSpan | null = null;
  let repeats: TraceSpan[] = [];
  // Each description is normalized once: the walk compares it several times.
  const normalized = new Map<TraceSpan, string>();
  const hash = (span: TraceSpan) => {
    let query = normalized.get(span);
    if (query === undefined) {
      query = normalizeQuery(span.description);
      normalized.set(span, query);
    }
    return query;
  };

  const store = () => {
    if (!source || repeats.length < N_PLUS_ONE_MIN_REPEATS) return;
    const totalMs = repeats.reduce((sum, span) => sum + (span.timestamp - span.startTimestamp), 0);
    const first = repeats[0] as TraceSpan;
    if (totalMs < N_PLUS_ONE_MIN_TOTAL_MS || !isComplete(first.description)) return;
    const key = JSON.stringify([source.parentSpanId, hash(source), hash(first)]);
    if (problems.has(key)) return;
    problems.set(key, {
      query: hash(first),
      sourceQuery: hash(source),
      parentSpanId: source.parentSpanId as string,
      sourceSpanId: source.spanId,
      offendingSpanIds: repeats.map((span) => span.spanId),
      repeatCount: repeats.length,
      totalMs,
    });
  };
  const useAsSource = (span: TraceSpan) => {
    source = span.parentSpanId && parents.has(span.parentSpanId) ? span : null;
  };
  const continues = (span: TraceSpan) => {
    if (!source || !span.parentSpanId || span.parentSpanId !== source.parentSpanId) return false;
    const query = hash(span);
    if (!query || query === hash(source)) return false;
    const previous = repeats[repeats.length - 1];
    return !previous || hash(previous) === query;
  };

  for (const span of spans) {
    if (!isDbSpan(span)) {
      store();
      source = null;
      repeats = [];
      if (span.parentSpanId) parents.add(span.spanId);
      continue;
    }
    if (!source) {
      useAsSource(span);
      continue;
    }
    if (continues(span)) {
      repeats.push(span);
      continue;
    }
    const previous = repeats[repeats.length - 1];
    store();
    source = null;
    repeats = [];
    if (previous) useAsSource(previous);
    if (source && continues(span)) repeats.push(span);
    else useAsSource(span);
  }
  store();
  return [...problems.values()];
}
