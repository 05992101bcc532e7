/**
 * The trace id of a stored error event (`contexts.trace.trace_id`, 32 hex), or
 * null. Read from the processed payload until events carry it as a field.
 */
export function eventTraceId(payload: string): string | null {
  try {
    const traceId = JSON.parse(payload)?.contexts?.trace?.trace_id;
    return typeof traceId === 'string' && /^[0-9a-f]{32}$/i.test(traceId)
      ? traceId.toLowerCase()
      : null;
  } catch {
    return null;
  }
}
