// The events' own rows: each event's payload is its own bound BLOB.
import { indexedEvent, insertEventIndexStatement } from './eventIndex';
import type { IssueGroup } from './IssueGroup';
import { gzipText } from './payloadCodec';

/**
 * Events per INSERT: two binds each (the row's fields as JSON, the gzipped payload)
 * stay well under D1's 100 bound parameters per statement.
 */
const EVENTS_PER_STATEMENT = 20;

/**
 * Inserts the groups' events, after their issue upserts and counts: an event goes in
 * with the issue its group's upsert counted it into (`issues.ingest_token`), so a
 * discarded fingerprint stores nothing, and an event id stored before stays as it
 * was (OR IGNORE). Then the event index, one statement for the batch.
 */
export async function eventRowStatements(
  db: D1Database,
  groups: IssueGroup[],
): Promise<D1PreparedStatement[]> {
  const rows = await Promise.all(
    groups.flatMap((group) =>
      group.events.map(async ({ record }) => [
        JSON.stringify({
          project_id: record.projectId,
          fingerprint: record.fingerprint,
          token: group.token,
          event_id: record.eventId,
          received_at: record.receivedAt,
          occurred_at: record.occurredAt,
          level: record.level,
          trace_id: record.traceId ?? null,
        }),
        await gzipText(record.payload),
      ]),
    ),
  );
  const statements: D1PreparedStatement[] = [];
  for (let start = 0; start < rows.length; start += EVENTS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + EVENTS_PER_STATEMENT);
    statements.push(
      db
        .prepare(
          `INSERT OR IGNORE INTO events (project_id, event_id, issue_id, received_at,
             occurred_at, level, payload, payload_gzip, trace_id)
           SELECT i.project_id, row.fields ->> 'event_id', i.id, row.fields ->> 'received_at',
             row.fields ->> 'occurred_at', row.fields ->> 'level', '', row.gzip,
             row.fields ->> 'trace_id'
           FROM (SELECT column1 AS fields, column2 AS gzip
             FROM (VALUES ${chunk.map(() => '(?, ?)').join(', ')})) row
           JOIN issues i ON i.project_id = row.fields ->> 'project_id'
             AND i.fingerprint = row.fields ->> 'fingerprint'
             AND i.ingest_token = row.fields ->> 'token'`,
        )
        // Each row's binds: its fields (JSON) and its gzipped payload.
        .bind(...chunk.flat()),
    );
  }
  if (rows.length > 0) {
    const events = groups.flatMap((group) => group.events.map(({ record }) => record));
    statements.push(insertEventIndexStatement(db, events.map(indexedEvent)));
  }
  return statements;
}
