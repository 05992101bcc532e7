// A batch's tag values and hourly counts, each summed per issue in one statement.
import { withInput } from './withInput';

/**
 * Distinct values kept per issue and tag key, as Sentry-like tools cap them: a flood
 * of distinct URLs cannot grow one issue without bound. Past the cap, known values
 * are still counted and new ones are not stored. The 'user' key is exempt: its rows
 * are how distinct users are counted (user_count, ignore-until-N-users, user alerts).
 */
export const MAX_TAG_VALUES = 1000;

/**
 * The batch's events not stored yet, each with the issue its group's upsert counted
 * it into (`issues.ingest_token`): what the counts below add up. Read before the
 * events are inserted, in the same transaction.
 */
const NEW_EVENTS = `SELECT i.id AS issue_id, e.key AS ord, e.value AS event
  FROM input, json_each(input.groups) g
    JOIN issues i ON i.project_id = g.value ->> 'project_id'
      AND i.fingerprint = g.value ->> 'fingerprint' AND i.ingest_token = g.value ->> 'token',
    json_each(g.value -> 'events') e
  WHERE NOT EXISTS (SELECT 1 FROM events stored
    WHERE stored.project_id = i.project_id AND stored.event_id = e.value ->> 'event_id')`;

/**
 * Tag values summed per (issue, key, value). A value seen before is counted; a new
 * one is stored while its key has room under MAX_TAG_VALUES for the issue, the
 * batch's new values taken in the order they came (users always). One statement
 * (its SELECT sees the table as it was before it), so concurrent batches never pass
 * the cap.
 */
function tagValuesStatement(db: D1Database, groups: string): D1PreparedStatement {
  return withInput(
    db,
    { groups },
    `WITH new_event AS (${NEW_EVENTS}),
     seen AS (
       SELECT n.issue_id, t.value ->> 0 AS key, t.value ->> 1 AS value, count(*) AS times,
         min(n.event ->> 'received_at') AS first_seen, max(n.event ->> 'received_at') AS last_seen,
         min(n.ord) AS ord
       FROM new_event n, json_each(n.event -> 'tags') t
       GROUP BY 1, 2, 3
     ),
     ranked AS (
       SELECT s.*, row_number() OVER (PARTITION BY s.issue_id, s.key, known.value IS NULL
           ORDER BY s.ord) AS rank,
         known.value IS NOT NULL AS is_known,
         (SELECT count(*) FROM (SELECT 1 FROM issue_tag_values kept
           WHERE kept.issue_id = s.issue_id AND kept.key = s.key
           LIMIT ${MAX_TAG_VALUES})) AS kept
       FROM seen s LEFT JOIN issue_tag_values known
         ON known.issue_id = s.issue_id AND known.key = s.key AND known.value = s.value
     )
     INSERT INTO issue_tag_values (issue_id, key, value, times_seen, first_seen, last_seen)
     SELECT issue_id, key, value, times, first_seen, last_seen FROM ranked
     WHERE is_known OR key = 'user' OR kept + rank <= ${MAX_TAG_VALUES}
     ON CONFLICT (issue_id, key, value) DO UPDATE SET
       times_seen = times_seen + excluded.times_seen,
       last_seen = max(last_seen, excluded.last_seen)`,
  );
}

/** Events per (issue, hour) of the batch, added to the issues' hourly counts. */
function hourlyCountsStatement(db: D1Database, groups: string): D1PreparedStatement {
  return withInput(
    db,
    { groups },
    `WITH new_event AS (${NEW_EVENTS})
     INSERT INTO issue_hourly_counts (issue_id, hour, count)
     SELECT issue_id, CAST(event ->> 'received_at' AS INTEGER) / 3600000 * 3600, count(*)
     FROM new_event WHERE true
     GROUP BY 1, 2
     ON CONFLICT (issue_id, hour) DO UPDATE SET count = count + excluded.count`,
  );
}

/**
 * The statements that add a batch's tag values and hourly counts (`groups`: its
 * `batchInput`), each once per batch whatever its size. They run after the issue
 * upserts and before the events are inserted.
 */
export function batchCountStatements(db: D1Database, groups: string): D1PreparedStatement[] {
  return [tagValuesStatement(db, groups), hourlyCountsStatement(db, groups)];
}
