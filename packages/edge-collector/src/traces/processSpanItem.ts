import type { ScrubOptions } from '../scrub/scrubEvent';
import type { StreamedSegments } from '../types/Trace';
import { prepareSegment } from './prepareSegment';
import { scrubSegmentUpdate } from './scrubSegment';
import { spanStreamToSegments } from './spanStreamToSegments';

/**
 * A `span` item (span v2) to segments ready to store and late updates of
 * stored ones: mapped to the trace model, then each segment goes through the
 * stages every transaction does (`prepareSegment`) and each update is
 * scrubbed the same way.
 */
export function processSpanItem(
  payload: unknown,
  projectId: number,
  scrubOptions: ScrubOptions,
): StreamedSegments {
  const { segments, updates, ...counts } = spanStreamToSegments(payload, projectId);
  return {
    ...counts,
    segments: segments.map((segment) => prepareSegment(segment, scrubOptions)),
    updates: updates.map((update) => scrubSegmentUpdate(update, scrubOptions)),
  };
}
