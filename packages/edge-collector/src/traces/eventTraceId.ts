import type { SentryEvent } from '../protocol/SentryEvent';

/** The trace an error event happened in: `contexts.trace.trace_id` when it is 32 hex characters. */
export function eventTraceId(event: SentryEvent): string | null {
  const trace = (event.contexts as { trace?: { trace_id?: unknown } } | undefined)?.trace;
  const traceId = typeof trace?.trace_id === 'string' ? trace.trace_id.toLowerCase() : '';
  return /^[0-9a-f]{32}$/.test(traceId) ? traceId : null;
}
