import type { IndexedEvent } from '../store/eventIndex';
import type { EventRecord } from '../store/events';

/** `contexts.trace.trace_id` (32 hex) of a processed event's payload, or null. */
function traceIdOf(payload: string): string | null {
  try {
    const traceId = JSON.parse(payload)?.contexts?.trace?.trace_id;
    return typeof traceId === 'string' && /^[0-9a-f]{32}$/i.test(traceId)
      ? traceId.toLowerCase()
      : null;
  } catch {
    return null;
  }
}

/**
 * What the event index keeps of a stored event. The trace id is read from the
 * payload until events carry it as a field (the trace model's ingest).
 */
export function indexedEvent(record: EventRecord): IndexedEvent {
  return {
    projectId: record.projectId,
    eventId: record.eventId,
    traceId: traceIdOf(record.payload),
    environment: record.tags?.find(([key]) => key === 'environment')?.[1] ?? '',
    level: record.level,
    occurredAt: record.occurredAt,
  };
}
