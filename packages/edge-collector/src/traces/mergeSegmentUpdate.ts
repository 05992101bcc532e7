import type { SegmentUpdate, TraceSegment } from '../types/Trace';
import { limitSegment } from './limitSegment';
import { normalizeSpanDescriptions } from './normalizeSpanDescriptions';

/**
 * A stored segment with a late update merged in: newer measurements win (a
 * web vital reported when the page was hidden is the final one), data is
 * added, spans not already there are appended. Span descriptions are
 * normalized with the segment's page URL, which the update alone lacks.
 */
export function mergeSegmentUpdate(segment: TraceSegment, update: SegmentUpdate): TraceSegment {
  const known = new Set(segment.spans.map((span) => span.spanId));
  const merged: TraceSegment = {
    ...segment,
    measurements: { ...segment.measurements, ...update.measurements },
    data: { ...segment.data, ...update.data },
    spans: [...segment.spans, ...update.spans.filter((span) => !known.has(span.spanId))],
  };
  return limitSegment(normalizeSpanDescriptions(merged));
}
