// Storing one event on its own, as a batch of one (tests and tools; ingest stores batches).

import { NO_ALERTS } from '../types/AlertPlan';
import type { EventRecord } from '../types/EventRecord';
import { groupByIssue } from './groupByIssue';
import { issueGroupStatements } from './issueGroupStatements';
import { withInput } from './withInput';

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
 * Stores one event in ONE D1 batch, as the queue consumer stores a batch of one
 * (`issueGroupStatements`), then `extraStatements` (alert statements, say, acting
 * where `issues.ingest_token = record.ingestToken`), then a read of what it did to
 * the issue. An event id already stored is neither stored nor counted again.
 */
export async function insertEvent(
  db: D1Database,
  record: EventRecord,
  extraStatements: D1PreparedStatement[] = [],
): Promise<StoredEvent> {
  const groups = groupByIssue([{ record, alerts: NO_ALERTS }]);
  const statements = [
    ...(await issueGroupStatements(db, groups)),
    ...extraStatements,
    withInput(
      db,
      { project_id: record.projectId, event_id: record.eventId, token: record.ingestToken },
      `SELECT i.id, i.status, i.transition, i.ingest_token = input.token AS counted,
         i.event_count, i.user_count
       FROM input JOIN events e ON e.project_id = input.project_id AND e.event_id = input.event_id
         JOIN issues i ON i.id = e.issue_id`,
    ),
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
