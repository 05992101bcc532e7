import { type ScrubOptions, scrubEvent } from '../scrub/scrubEvent';
import type { SegmentUpdate, TraceSegment, TraceSpan } from '../types/Trace';

type Scrubbable = Pick<TraceSegment, 'name' | 'spans' | 'data'>;

/**
 * Scrubs what a client wrote into a segment as events are scrubbed: its name,
 * its data, and each span's description and data (URLs with credentials or
 * tokens, SQL with emails, request bodies, IPs). Ids, ops, statuses and times
 * are not text a user typed and are kept as they are.
 */
function scrubParts<T extends Scrubbable>(segment: T, options: ScrubOptions): T {
  const parts = scrubEvent(
    {
      name: segment.name,
      data: segment.data ?? {},
      spans: segment.spans.map((span) => ({ description: span.description, data: span.data })),
    },
    options,
  );
  const spans = segment.spans.map(
    (span, index): TraceSpan => ({ ...span, ...(parts.spans[index] as Partial<TraceSpan>) }),
  );
  return { ...segment, name: parts.name, data: parts.data, spans };
}

export function scrubSegment(segment: TraceSegment, options: ScrubOptions): TraceSegment {
  return scrubParts(segment, options);
}

export function scrubSegmentUpdate(update: SegmentUpdate, options: ScrubOptions): SegmentUpdate {
  const { name: _name, ...scrubbed } = scrubParts({ ...update, name: '' }, options);
  return scrubbed;
}
