import type { IRequest } from 'itty-router';
import { projectDatabase } from '../databases/projectDatabase';
import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { json } from '../http/json';
import { parseId } from '../http/parseId';
import { selectProject } from '../store/projects';
import { selectTraceErrors, selectTraceSegments } from '../store/traces';
import type { TraceSegment, TraceSpan } from '../types/Trace';

function iso(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

function spanJson(span: TraceSpan) {
  return {
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    op: span.op,
    description: span.description,
    status: span.status,
    startTimestamp: iso(span.startTimestamp),
    timestamp: iso(span.timestamp),
    durationMs: span.timestamp - span.startTimestamp,
    data: span.data,
  };
}

function transactionJson(segment: TraceSegment) {
  const spans = [...segment.spans].sort((a, b) => a.startTimestamp - b.startTimestamp);
  return {
    eventId: segment.eventId,
    name: segment.name,
    nameSource: segment.nameSource,
    op: segment.op,
    status: segment.status,
    spanId: segment.spanId,
    parentSpanId: segment.parentSpanId,
    startTimestamp: iso(segment.startTimestamp),
    timestamp: iso(segment.timestamp),
    durationMs: segment.timestamp - segment.startTimestamp,
    release: segment.release,
    environment: segment.environment,
    measurements: segment.measurements,
    data: segment.data ?? {},
    spans: spans.map(spanJson),
  };
}

/**
 * `GET /api/0/projects/:projectId/traces/:traceId/` → every transaction of the
 * trace (browser and backend) with its spans, earliest first, each with its
 * parent span id, and the error events that carry the trace id.
 */
export async function getTraceRoute(request: IRequest, env: Env): Promise<Response> {
  const projectId = parseId(request.params.projectId, 'project');
  const traceId = String(request.params.traceId ?? '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(traceId))
    throw new ClientError(400, 'trace id must be 32 hex characters');
  if (!(await selectProject(env.DB, projectId))) throw new ClientError(404, 'no such project');
  const db = await projectDatabase(env, projectId);
  const [segments, errors] = await Promise.all([
    selectTraceSegments(db, projectId, traceId),
    selectTraceErrors(db, projectId, traceId),
  ]);
  if (segments.length === 0 && errors.length === 0) throw new ClientError(404, 'no such trace');
  return json({
    traceId,
    transactions: segments.map(transactionJson),
    errors: errors.map((error) => ({ ...error, timestamp: iso(error.timestamp) })),
  });
}
