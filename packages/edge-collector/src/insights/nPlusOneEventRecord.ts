import { randomHex } from '../lib/randomHex';
import { sha256Sync } from '../lib/sha256Sync';
import type { EventRecord } from '../types/EventRecord';
import type { TraceSegment } from '../types/Trace';
import type { NPlusOneProblem } from './detectNPlusOne';

export const N_PLUS_ONE_TYPE = 'performance_n_plus_one';

/** What an N+1 issue and each of its events show: the problem in one transaction. */
export interface NPlusOneEvidence {
  transaction: string;
  query: string;
  sourceQuery: string;
  repeatCount: number;
  totalMs: number;
  parentSpanId: string;
  offendingSpanIds: string[];
  transactionId: string;
  traceId: string;
}

export function nPlusOneEvidence(
  segment: TraceSegment,
  problem: NPlusOneProblem,
): NPlusOneEvidence {
  return {
    transaction: segment.name,
    query: problem.query,
    sourceQuery: problem.sourceQuery,
    repeatCount: problem.repeatCount,
    totalMs: problem.totalMs,
    parentSpanId: problem.parentSpanId,
    offendingSpanIds: problem.offendingSpanIds,
    transactionId: segment.eventId,
    traceId: segment.traceId,
  };
}

/**
 * The event an N+1 problem is stored as, to go through the issue pipeline
 * (lifecycle, alerts, webhooks) as error events do: fingerprint = transaction
 * name + normalized query, title "N+1 Query", culprit the transaction. Its id
 * derives from the transaction's, so a resent transaction is not counted twice.
 * It carries no trace context: it is not an error sharing the transaction's trace.
 */
export function nPlusOneEventRecord(
  segment: TraceSegment,
  problem: NPlusOneProblem,
  receivedAt: number,
): { record: EventRecord; evidence: NPlusOneEvidence } {
  const fingerprint = `${N_PLUS_ONE_TYPE}:${sha256Sync(`${segment.name}\n${problem.query}`)}`;
  const eventId = sha256Sync(`${segment.eventId}\n${fingerprint}`).slice(0, 32);
  const evidence = nPlusOneEvidence(segment, problem);
  const tags: [string, string][] = [];
  if (segment.release) tags.push(['release', segment.release]);
  if (segment.environment) tags.push(['environment', segment.environment]);
  tags.push(['transaction', segment.name]);
  const payload = {
    event_id: eventId,
    type: N_PLUS_ONE_TYPE,
    level: 'info',
    platform: 'other',
    title: 'N+1 Query',
    culprit: segment.name,
    transaction: segment.name,
    timestamp: segment.timestamp / 1000,
    release: segment.release,
    environment: segment.environment,
    tags: Object.fromEntries(tags),
    evidence,
  };
  return {
    evidence,
    record: {
      projectId: segment.projectId,
      eventId,
      fingerprint,
      title: 'N+1 Query',
      culprit: segment.name,
      level: 'info',
      platform: 'other',
      receivedAt,
      occurredAt: Math.round(segment.timestamp),
      payload: JSON.stringify({ ...payload, received: receivedAt / 1000 }),
      release: segment.release,
      userKey: null,
      tags,
      ingestToken: randomHex(8),
    },
  };
}
