import { ClientError } from '../http/ClientError';
import type { TraceSegment, TraceSpan } from '../types/Trace';

/**
 * A stored segment's JSON at most; with the transaction's payload (at most
 * 500,000 bytes beside it, see `processTransaction`) a D1 row stays under its
 * 1,000,000 bytes.
 */
export const MAX_SEGMENT_BYTES = 450_000;
/** Descriptions and data strings longer than this are cut first, as event strings are. */
const LONG_STRING = 4096;

const encoder = new TextEncoder();
function sizeOf(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

function cut(value: unknown): unknown {
  if (typeof value === 'string' && value.length > LONG_STRING)
    return `${value.slice(0, LONG_STRING)}…`;
  if (Array.isArray(value)) return value.map(cut);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cut(item)]));
  }
  return value;
}

/**
 * Fits a segment into storage as events are trimmed: long strings are cut,
 * then the shortest spans dropped (they explain the least of the time) until
 * it fits; `trimmedSpans` counts them. A 413 if even the bare segment does
 * not fit.
 */
export function limitSegment(segment: TraceSegment, maxBytes = MAX_SEGMENT_BYTES): TraceSegment {
  if (sizeOf(segment) <= maxBytes) return segment;
  const spans = segment.spans.map(
    (span): TraceSpan => ({
      ...span,
      description: cut(span.description) as string,
      data: cut(span.data) as TraceSpan['data'],
    }),
  );
  const cutSegment = { ...segment, data: cut(segment.data ?? {}) as TraceSegment['data'], spans };
  let total = sizeOf(cutSegment);
  if (total <= maxBytes) return cutSegment;
  const dropped = new Set<TraceSpan>();
  const byDuration = [...spans].sort(
    (a, b) => a.timestamp - a.startTimestamp - (b.timestamp - b.startTimestamp),
  );
  // Room for the `trimmedSpans` note itself.
  const target = maxBytes - 32;
  for (const span of byDuration) {
    if (total <= target) break;
    dropped.add(span);
    total -= sizeOf(span) + 1;
  }
  const trimmed: TraceSegment = {
    ...cutSegment,
    spans: spans.filter((span) => !dropped.has(span)),
    trimmedSpans: (segment.trimmedSpans ?? 0) + dropped.size,
  };
  if (sizeOf(trimmed) > maxBytes) throw new ClientError(413, 'transaction too large to store');
  return trimmed;
}
