// Stores a whole queue batch in one D1 batch (one transaction): its events grouped by
// issue (one upsert per issue, counts summed per batch) with their alert statements,
// every transaction, the outcome counts, and the receipts that make a redelivered
// message count nothing twice.
import type { OutcomeCount } from '../outcomes/OutcomeTally';
import type { AlertPlan } from '../types/AlertPlan';
import type { EventRecord } from '../types/EventRecord';
import type { StreamedSegments } from '../types/Trace';
import type { TransactionAggregate } from '../types/TransactionAggregate';
import type { TransactionInsights } from '../types/TransactionInsights';
import type { TransactionRecord } from '../types/TransactionRecord';
import { alertTriggerStatements } from './alertTriggers';
import { groupByIssue } from './groupByIssue';
import { issueGroupStatements } from './issueGroupStatements';
import { minuteOf } from './outcomes';
import { aggregateStatements } from './transactionAggregates';
import { insertTransactionStatement } from './transactions';
import { withoutStoredEvents } from './withoutStoredEvents';

/** One processed queue message, ready to store. */
export interface StorableMessage {
  /** The message's idempotency key (see `IngestMessage.key`). */
  key: string;
  projectId: number;
  receivedAt: number;
  outcomes: OutcomeCount[];
  event?: { record: EventRecord; alerts: AlertPlan };
  transaction?: TransactionRecord;
  /** The transaction's trace segment and N+1 problems (see insights/transactionInsights). */
  insights?: TransactionInsights;
  /**
   * A span v2 item's segments and late updates, stored apart (see
   * `storeStreamedSegments`), with the project's Apdex threshold T (ms) to aggregate them.
   */
  spans?: StreamedSegments & { apdexThresholdMs: number };
}

/** An alert some event of the batch fired whose deliveries wait in the outbox. */
export interface FiredAlert {
  projectId: number;
  eventId: string;
}

/**
 * Stores the batch and returns the events whose alerts wait for delivery (also those
 * fired by an earlier delivery of the same message, so a retried batch still
 * delivers them). Throws when D1 fails: nothing of the batch is then stored.
 */
export async function storeIngestBatch(
  db: D1Database,
  messages: StorableMessage[],
  aggregates: TransactionAggregate[] = [],
): Promise<FiredAlert[]> {
  if (messages.length === 0) return [];
  // Aggregates first: each counts only transactions not stored before this batch.
  const statements: D1PreparedStatement[] = aggregates.flatMap((row) =>
    aggregateStatements(db, row),
  );
  const problems = messages.flatMap((message) => message.insights?.problems ?? []);
  // Performance issues (N+1) go through the same issue statements as error events.
  const groups = groupByIssue([
    ...messages.flatMap(({ event }) => (event ? [event] : [])),
    ...problems.map(({ record, alerts, type, evidence }) => ({
      record,
      alerts,
      issueType: { type, evidence },
    })),
  ]);
  const toStore = await withoutStoredEvents(db, groups);
  statements.push(...(await issueGroupStatements(db, toStore)));
  statements.push(...alertTriggerStatements(db, toStore));
  for (const { transaction } of messages) {
    if (transaction) statements.push(await insertTransactionStatement(db, transaction));
  }
  const outcomes = messages.flatMap((message) =>
    message.outcomes.map((count) => ({
      project: message.projectId,
      key: message.key,
      minute: minuteOf(message.receivedAt),
      ...count,
    })),
  );
  const receipts = messages.map((message) => ({
    project: message.projectId,
    key: message.key,
    at: message.receivedAt,
  }));
  // Outcome counts of messages without a receipt yet, summed; then the receipts.
  statements.push(
    db
      .prepare(
        `INSERT INTO project_outcomes (project_id, minute, outcome, category, reason, quantity)
         SELECT o.value ->> 'project', o.value ->> 'minute', o.value ->> 'outcome',
           o.value ->> 'category', o.value ->> 'reason', sum(o.value ->> 'quantity')
         FROM json_each(?) o
         WHERE NOT EXISTS (SELECT 1 FROM ingest_receipts r
           WHERE r.project_id = o.value ->> 'project' AND r.message_key = o.value ->> 'key')
         GROUP BY 1, 2, 3, 4, 5
         ON CONFLICT (project_id, minute, outcome, category, reason)
         DO UPDATE SET quantity = quantity + excluded.quantity`,
      )
      .bind(JSON.stringify(outcomes)),
    db
      .prepare(
        `INSERT OR IGNORE INTO ingest_receipts (project_id, message_key, received_at)
         SELECT r.value ->> 'project', r.value ->> 'key', r.value ->> 'at' FROM json_each(?) r`,
      )
      .bind(JSON.stringify(receipts)),
  );
  const eventIds = groups.flatMap((group) =>
    group.events.map(({ record }) => [record.projectId, record.eventId]),
  );
  statements.push(
    db
      .prepare(
        `SELECT DISTINCT a.project_id AS projectId, a.event_id AS eventId
         FROM alerts a JOIN alert_deliveries d ON d.alert_id = a.id AND d.status = 'pending'
         WHERE a.event_id IN (SELECT e.value ->> 1 FROM json_each(?) e)
           AND a.project_id IN (SELECT e.value ->> 0 FROM json_each(?) e)`,
      )
      .bind(JSON.stringify(eventIds), JSON.stringify(eventIds)),
  );
  const results = await db.batch<FiredAlert>(statements);
  const pairs = new Set(eventIds.map(([project, id]) => `${project}/${id}`));
  return (results.at(-1)?.results ?? []).filter((fired) =>
    pairs.has(`${fired.projectId}/${fired.eventId}`),
  );
}

/**
 * Deletes up to `limit` receipts of messages received before `before` (ms) and returns
 * how many: the queue never redelivers a message that old.
 */
export async function deleteReceiptsBefore(
  db: D1Database,
  before: number,
  limit: number,
): Promise<number> {
  const result = await db
    .prepare(
      `DELETE FROM ingest_receipts WHERE (project_id, message_key) IN (
         SELECT project_id, message_key FROM ingest_receipts WHERE received_at < ? LIMIT ?)`,
    )
    .bind(before, limit)
    .run();
  return result.meta.changes;
}
