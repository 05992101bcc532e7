// The one upsert that counts a batch's events of one issue into it, lifecycle included.
import type { IssueGroup } from './IssueGroup';
import { withInput } from './withInput';

/** A release's order (its id: releases are numbered as first seen). */
const releaseOrder = (version: string) =>
  `(SELECT r.id FROM releases r WHERE r.project_id = input.project_id AND r.version = ${version})`;

/**
 * A resolved issue `i` regresses on a new event `f`, except, when resolved in a
 * release, an event from an older release (first seen earlier) than that one, and,
 * when resolved in the next release, one from that release or older.
 */
const REGRESSES_ON = `(i.resolved_mode IS NULL
  OR (i.resolved_mode = 'inRelease' AND (f.release IS NULL OR f.release = i.resolved_release
    OR ${releaseOrder('f.release')}
      >= coalesce(${releaseOrder('i.resolved_release')}, 9223372036854775807)))
  OR (i.resolved_mode = 'inNextRelease' AND f.release IS NOT NULL
    AND f.release IS NOT i.resolved_release
    AND ${releaseOrder('f.release')} > coalesce(${releaseOrder('i.resolved_release')}, 0)))`;

/**
 * An ignored issue `i` wakes up when its time has come or its event or user count is
 * reached by the group's new events (`fresh`: `events`, `users` new to the issue).
 * One by one, some event of the group would have crossed it; the totals cross it
 * exactly then.
 */
const UNIGNORES = `(i.status = 'ignored' AND (
  (i.ignore_until IS NOT NULL AND fresh.last_seen >= i.ignore_until)
  OR (i.ignore_until_count IS NOT NULL AND i.event_count + fresh.events >= i.ignore_until_count)
  OR (i.ignore_until_users IS NOT NULL AND i.user_count + fresh.users >= i.ignore_until_users)))`;

/**
 * The cron ended a time-based ignore before these events (see wakeIgnoredIssues): they
 * still report 'unignored', so alerts on ignored_until_met see it.
 */
const WOKEN_BY_CRON = `(i.status = 'unresolved' AND i.ignore_expired_at IS NOT NULL)`;

/**
 * Counts the group's events that are not stored yet (`new_event`, read inside the
 * batch's transaction, so a redelivered batch or a concurrent resend counts nothing
 * twice) into their issue, creating it if need be: their number, users new to the
 * issue, first and last seen, first and last release, the latest event's title,
 * culprit and level. The status transition is decided once for the group, from the
 * issue as it was, as if its events had come one by one: a resolved issue regresses
 * if any of them would regress it, an ignored one wakes when their totals reach its
 * limits. It is kept in `issues.transition` ('new', 'regressed', 'unignored' or NULL)
 * with the group's token in `issues.ingest_token`, for the statements after it. A
 * discarded fingerprint, or a group whose events are all stored, changes nothing.
 */
export function issueUpsertStatement(db: D1Database, group: IssueGroup): D1PreparedStatement {
  const latest = group.events[group.events.length - 1]?.record;
  return withInput(
    db,
    {
      project_id: group.projectId,
      fingerprint: group.fingerprint,
      token: group.token,
      title: latest?.title,
      culprit: latest?.culprit,
      level: latest?.level,
      platform: latest?.platform,
      events: JSON.stringify(
        group.events.map(({ record }) => ({
          event_id: record.eventId,
          received_at: record.receivedAt,
          release: record.release || null,
          user_key: record.userKey ?? null,
        })),
      ),
    },
    `WITH new_event AS (
       SELECT e.key AS ord, e.value ->> 'event_id' AS event_id,
         e.value ->> 'received_at' AS received_at, e.value ->> 'release' AS release,
         e.value ->> 'user_key' AS user_key
       FROM input, json_each(input.events) e
       WHERE NOT EXISTS (SELECT 1 FROM events stored
         WHERE stored.project_id = input.project_id AND stored.event_id = e.value ->> 'event_id')
     ),
     fresh AS (
       SELECT count(*) AS events, min(received_at) AS first_seen, max(received_at) AS last_seen,
         (SELECT release FROM new_event WHERE release IS NOT NULL ORDER BY ord LIMIT 1)
           AS first_release,
         (SELECT release FROM new_event WHERE release IS NOT NULL ORDER BY ord DESC LIMIT 1)
           AS last_release,
         (SELECT count(DISTINCT n.user_key) FROM new_event n WHERE n.user_key IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM issues known
             JOIN issue_tag_values t ON t.issue_id = known.id AND t.key = 'user'
             WHERE known.project_id = input.project_id AND known.fingerprint = input.fingerprint
               AND t.value = n.user_key)) AS users
       FROM input, new_event
     )
     INSERT INTO issues (project_id, fingerprint, title, culprit, level, platform, event_count,
       user_count, first_seen, last_seen, first_release, last_release, ingest_token,
       transition, status_changed_at)
     SELECT input.project_id, input.fingerprint, input.title, input.culprit, input.level,
       input.platform, fresh.events, fresh.users, fresh.first_seen, fresh.last_seen,
       fresh.first_release, fresh.last_release, input.token,
       CASE
         WHEN i.id IS NULL THEN 'new'
         WHEN i.status = 'resolved'
           AND EXISTS (SELECT 1 FROM new_event f WHERE ${REGRESSES_ON}) THEN 'regressed'
         WHEN ${UNIGNORES} OR ${WOKEN_BY_CRON} THEN 'unignored'
       END,
       CASE WHEN i.id IS NULL THEN fresh.first_seen ELSE fresh.last_seen END
     FROM input CROSS JOIN fresh
       LEFT JOIN issues i ON i.project_id = input.project_id AND i.fingerprint = input.fingerprint
     WHERE fresh.events > 0
       AND NOT EXISTS (SELECT 1 FROM discarded_fingerprints d
         WHERE d.project_id = input.project_id AND d.fingerprint = input.fingerprint)
     ON CONFLICT (project_id, fingerprint) DO UPDATE SET
       event_count = event_count + excluded.event_count,
       user_count = user_count + excluded.user_count,
       last_seen = max(last_seen, excluded.last_seen),
       title = excluded.title,
       culprit = excluded.culprit,
       level = excluded.level,
       first_release = coalesce(first_release, excluded.first_release),
       last_release = coalesce(excluded.last_release, last_release),
       ingest_token = excluded.ingest_token,
       transition = excluded.transition,
       ignore_expired_at = NULL,
       is_regressed = CASE WHEN excluded.transition = 'regressed' THEN 1 ELSE is_regressed END,
       status = CASE WHEN excluded.transition IS NOT NULL THEN 'unresolved' ELSE status END,
       status_changed_at = CASE WHEN excluded.transition IS NOT NULL AND status <> 'unresolved'
         THEN excluded.status_changed_at ELSE status_changed_at END,
       resolved_at = CASE WHEN excluded.transition = 'regressed' THEN NULL ELSE resolved_at END,
       resolved_mode = CASE WHEN excluded.transition = 'regressed' THEN NULL
         ELSE resolved_mode END,
       resolved_release = CASE WHEN excluded.transition = 'regressed' THEN NULL
         ELSE resolved_release END,
       ignore_until = CASE WHEN excluded.transition = 'unignored' AND status = 'ignored'
         THEN NULL ELSE ignore_until END,
       ignore_until_count = CASE WHEN excluded.transition = 'unignored' AND status = 'ignored'
         THEN NULL ELSE ignore_until_count END,
       ignore_until_users = CASE WHEN excluded.transition = 'unignored' AND status = 'ignored'
         THEN NULL ELSE ignore_until_users END`,
  );
}
