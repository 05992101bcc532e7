import type { ScrubOptions } from '../scrub/scrubEvent';
import type { TraceSegment } from '../types/Trace';
import { limitSegment } from './limitSegment';
import { normalizeSpanDescriptions } from './normalizeSpanDescriptions';
import { parameterizeTransactionName } from './parameterizeTransactionName';
import { scrubSegment } from './scrubSegment';

/**
 * The stages every segment goes through, whatever sent it: parameterize a
 * URL-sourced name → normalize span descriptions → scrub → fit storage.
 */
export function prepareSegment(segment: TraceSegment, scrubOptions: ScrubOptions): TraceSegment {
  const { name, source } = parameterizeTransactionName({
    name: segment.name,
    source: segment.nameSource,
  });
  const named = { ...segment, name, nameSource: source };
  return limitSegment(scrubSegment(normalizeSpanDescriptions(named), scrubOptions));
}
