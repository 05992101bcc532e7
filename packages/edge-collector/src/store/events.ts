// SQL for storing an event and counting it into its issue.

import type { EventRecord } from '../types/EventRecord';
import {
  INGEST_OUTCOME_SQL,
  INSERT_EVENT_SQL,
  UPSERT_HOURLY_COUNT_SQL,
  UPSERT_ISSUE_SQL,
  UPSERT_RELEASE_SQL,
  UPSERT_TAG_VALUES_SQL,
} from './ingestStatements';
import { gzipText } from './payloadCodec';

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
 * The statements that store an event and count it into its issue: the release, the
 * issue upsert with its status transition, the event row, tag value and hourly counts.
 * Run in one D1 batch (one transaction), concurrent events of one issue never lose a
 * count, and an event id already stored is neither stored nor counted again.
 * Statements placed after these can act only when this ingest counted the event, and
 * see what it did, with a condition such as
 * `EXISTS (SELECT 1 FROM issues WHERE project_id = ? AND fingerprint = ?
 *   AND ingest_token = ? AND transition = 'regressed')`
 * bound to the record's projectId, fingerprint and ingestToken
 * (`transition` is 'new', 'regressed', 'unignored' or NULL).
 */
export async function eventStatements(
  db: D1Database,
  record: EventRecord,
): Promise<D1PreparedStatement[]> {
  const { projectId, fingerprint, ingestToken: token, receivedAt } = record;
  const release = record.release || null;
  const tags = record.tags ?? [];
  return [
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
  ];
}

/**
 * Stores one event in ONE D1 batch: `eventStatements`, then `extraStatements`
 * (alert statements, say), then a read of what it did to the issue.
 */
export async function insertEvent(
  db: D1Database,
  record: EventRecord,
  extraStatements: D1PreparedStatement[] = [],
): Promise<StoredEvent> {
  const { projectId, ingestToken: token } = record;
  const statements = [
    ...(await eventStatements(db, record)),
    ...extraStatements,
    db.prepare(INGEST_OUTCOME_SQL).bind(projectId, record.eventId, token),
  ];
  const results = await db.batch(statements);
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
  };
}
