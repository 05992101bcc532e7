// SQL for storing an event and counting it into its issue.
import {
  INGEST_OUTCOME_SQL,
  INSERT_EVENT_SQL,
  UPSERT_HOURLY_COUNT_SQL,
  UPSERT_ISSUE_SQL,
  UPSERT_RELEASE_SQL,
  UPSERT_TAG_VALUES_SQL,
} from './ingestStatements';
import { gzipText } from './payloadCodec';

/** An event ready for storage: processed, scrubbed and fingerprinted. */
export interface EventRecord {
  projectId: number;
  eventId: string;
  fingerprint: string;
  title: string;
  culprit: string;
  level: string;
  platform: string;
  receivedAt: number;
  occurredAt: number;
  /** The event as JSON; stored gzip-compressed. */
  payload: string;
  release?: string | null;
  /** Who it happened to: `id:<user.id>` or `ip:<salted hash>`; never an IP. */
  userKey?: string | null;
  /** The trace the event happened in (`contexts.trace.trace_id`), for the trace view. */
  traceId?: string | null;
  /** Tag values counted per issue: browser, os, url, release, environment, user, … */
  tags?: [string, string][];
  /**
   * Names this ingest: after the issue upsert, `issues.ingest_token = ingestToken`
   * holds exactly when this call counted the event (see `insertEvent`).
   */
  ingestToken: string;
}

/** What storing an event did, for alerts. */
export interface StoredEvent {
  /** The issue the event belongs to; null when its fingerprint was discarded. */
  issueId: number | null;
  /** True when the event was newly stored and counted; false for a resent event id. */
  created: boolean;
  /** This event created its issue. */
  isNewIssue: boolean;
  /** This event turned a resolved issue back to unresolved. */
  regressed: boolean;
  /** This event ended an ignore (its time, event count or user count was reached). */
  unignored: boolean;
  /** The issue's status after this event: unresolved, resolved or ignored. */
  status: string | null;
  eventCount: number;
  userCount: number;
  /** Results of the caller's `extraStatements`, in order (alerts read what fired). */
  extraResults: D1Result[];
}

interface OutcomeRow {
  id: number;
  status: string;
  transition: string | null;
  counted: number;
  event_count: number;
  user_count: number;
}

/**
 * Stores an event and counts it into its issue in ONE D1 batch (one
 * transaction): the release, the issue upsert with its status transition,
 * the event row, tag value and hourly counts, then `extraStatements` (alert
 * outbox rows, say), then a read of the outcome. Concurrent events of one
 * issue never lose a count, and an event id already stored is neither stored
 * nor counted again. An extra statement can act only when this call counted
 * the event, and see what it did, with a condition such as
 * `EXISTS (SELECT 1 FROM issues WHERE project_id = ? AND fingerprint = ?
 *   AND ingest_token = ? AND transition = 'regressed')`
 * bound to the record's projectId, fingerprint and ingestToken
 * (`transition` is 'new', 'regressed', 'unignored' or NULL).
 */
export async function insertEvent(
  db: D1Database,
  record: EventRecord,
  extraStatements: D1PreparedStatement[] = [],
): Promise<StoredEvent> {
  const { projectId, fingerprint, ingestToken: token, receivedAt } = record;
  const release = record.release || null;
  const tags = record.tags ?? [];
  const statements = [
    ...(release ? [db.prepare(UPSERT_RELEASE_SQL).bind(projectId, release, receivedAt)] : []),
    db
      .prepare(UPSERT_ISSUE_SQL)
      .bind(
        projectId,
        fingerprint,
        record.title,
        record.culprit,
        record.level,
        record.platform,
        receivedAt,
        record.eventId,
        release,
        record.userKey ?? null,
        token,
      ),
    db
      .prepare(INSERT_EVENT_SQL)
      .bind(
        projectId,
        fingerprint,
        token,
        record.eventId,
        receivedAt,
        record.occurredAt,
        record.level,
        await gzipText(record.payload),
      ),
    // A resent event id keeps the trace id it was stored with.
    ...(record.traceId
      ? [
          db
            .prepare(
              `UPDATE events SET trace_id = ? WHERE project_id = ? AND event_id = ? AND trace_id IS NULL`,
            )
            .bind(record.traceId, projectId, record.eventId),
        ]
      : []),
    ...(tags.length > 0
      ? [
          db
            .prepare(UPSERT_TAG_VALUES_SQL)
            .bind(projectId, fingerprint, token, JSON.stringify(tags), receivedAt),
        ]
      : []),
    db
      .prepare(UPSERT_HOURLY_COUNT_SQL)
      .bind(projectId, fingerprint, token, Math.floor(receivedAt / 3_600_000) * 3600),
    ...extraStatements,
    db.prepare(INGEST_OUTCOME_SQL).bind(projectId, record.eventId, token),
  ];
  const results = await db.batch(statements);
  const extraStart = statements.length - 1 - extraStatements.length;
  const row = results[results.length - 1]?.results[0] as OutcomeRow | undefined;
  const created = row?.counted === 1;
  return {
    issueId: row?.id ?? null,
    created,
    isNewIssue: created && row?.transition === 'new',
    regressed: created && row?.transition === 'regressed',
    unignored: created && row?.transition === 'unignored',
    status: row?.status ?? null,
    eventCount: row?.event_count ?? 0,
    userCount: row?.user_count ?? 0,
    extraResults: results.slice(extraStart, extraStart + extraStatements.length),
  };
}
