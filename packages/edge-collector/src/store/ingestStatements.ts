// The SQL of one ingest. Each statement after the issue upsert acts only when
// `issues.ingest_token` holds this ingest's token, i.e. when the upsert counted
// the event: a resent event id or a discarded fingerprint changes nothing.
// Status transitions are computed in SQL from the row as it is inside the
// batch's transaction, so concurrent ingests never race on them.

/**
 * Distinct values kept per issue and tag key, as Sentry-like tools cap them: a flood
 * of distinct URLs cannot grow one issue without bound. Past the cap, known values
 * are still counted and new ones are not stored. The 'user' key is exempt: its rows
 * are how distinct users are counted (user_count, ignore-until-N-users, user alerts).
 */
export const MAX_TAG_VALUES = 1000;

/** 1 while the issue has room for another value of `key` (counting stops at the cap). */
const HAS_ROOM_FOR = (issueId: string, key: string) => `((SELECT count(*) FROM (
  SELECT 1 FROM issue_tag_values WHERE issue_id = ${issueId} AND key = ${key}
  LIMIT ${MAX_TAG_VALUES})) < ${MAX_TAG_VALUES})`;

/** 1 when the event's user (?10) is new to the issue (user_count = its 'user' tag values). */
const NEW_USER = `(?10 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM issue_tag_values
  WHERE issue_id = issues.id AND key = 'user' AND value = ?10))`;

const RELEASE_ORDER = (version: string) =>
  `(SELECT id FROM releases WHERE project_id = ?1 AND version = ${version})`;

/**
 * A resolved issue regresses on a new event, except, when resolved in a
 * release, an event from an older release (first seen earlier) than that one,
 * and, when resolved in the next release, one from that release or older.
 */
const REGRESSES = `(status = 'resolved' AND (
  resolved_mode IS NULL
  OR (resolved_mode = 'inRelease' AND (?9 IS NULL OR ?9 = resolved_release
    OR ${RELEASE_ORDER('?9')} >= coalesce(${RELEASE_ORDER('issues.resolved_release')}, 9223372036854775807)))
  OR (resolved_mode = 'inNextRelease' AND ?9 IS NOT NULL AND ?9 IS NOT resolved_release
    AND ${RELEASE_ORDER('?9')} > coalesce(${RELEASE_ORDER('issues.resolved_release')}, 0))))`;

/** An ignored issue wakes up when its time has come or its event or user count is reached. */
const UNIGNORES = `(status = 'ignored' AND (
  (ignore_until IS NOT NULL AND ?7 >= ignore_until)
  OR (ignore_until_count IS NOT NULL AND event_count + 1 >= ignore_until_count)
  OR (ignore_until_users IS NOT NULL AND user_count + ${NEW_USER} >= ignore_until_users)))`;

/**
 * The cron ended a time-based ignore before this event (see wakeIgnoredIssues): the
 * event still reports 'unignored', so alerts on ignored_until_met see it.
 */
const WOKEN_BY_CRON = `(status = 'unresolved' AND ignore_expired_at IS NOT NULL)`;

export const UPSERT_RELEASE_SQL = `INSERT INTO releases (project_id, version, first_seen)
  VALUES (?1, ?2, ?3) ON CONFLICT (project_id, version) DO NOTHING`;

/**
 * Binds: ?1 project, ?2 fingerprint, ?3 title, ?4 culprit, ?5 level, ?6 platform,
 * ?7 received at, ?8 event id, ?9 release, ?10 user key, ?11 ingest token.
 */
export const UPSERT_ISSUE_SQL = `INSERT INTO issues (project_id, fingerprint, title, culprit, level,
    platform, event_count, user_count, first_seen, last_seen, first_release, last_release,
    ingest_token, transition, status_changed_at)
  SELECT ?1, ?2, ?3, ?4, ?5, ?6, 1, ?10 IS NOT NULL, ?7, ?7, ?9, ?9, ?11, 'new', ?7
  WHERE NOT EXISTS (SELECT 1 FROM events WHERE project_id = ?1 AND event_id = ?8)
    AND NOT EXISTS (SELECT 1 FROM discarded_fingerprints WHERE project_id = ?1 AND fingerprint = ?2)
  ON CONFLICT (project_id, fingerprint) DO UPDATE SET
    event_count = event_count + 1,
    user_count = user_count + ${NEW_USER},
    last_seen = max(last_seen, excluded.last_seen),
    title = excluded.title,
    culprit = excluded.culprit,
    level = excluded.level,
    first_release = coalesce(first_release, excluded.first_release),
    last_release = coalesce(excluded.last_release, last_release),
    ingest_token = excluded.ingest_token,
    transition = CASE WHEN ${REGRESSES} THEN 'regressed'
      WHEN ${UNIGNORES} OR ${WOKEN_BY_CRON} THEN 'unignored' END,
    ignore_expired_at = NULL,
    is_regressed = CASE WHEN ${REGRESSES} THEN 1 ELSE is_regressed END,
    status = CASE WHEN ${REGRESSES} OR ${UNIGNORES} THEN 'unresolved' ELSE status END,
    status_changed_at = CASE WHEN ${REGRESSES} OR ${UNIGNORES} THEN ?7 ELSE status_changed_at END,
    resolved_at = CASE WHEN ${REGRESSES} THEN NULL ELSE resolved_at END,
    resolved_mode = CASE WHEN ${REGRESSES} THEN NULL ELSE resolved_mode END,
    resolved_release = CASE WHEN ${REGRESSES} THEN NULL ELSE resolved_release END,
    ignore_until = CASE WHEN ${UNIGNORES} THEN NULL ELSE ignore_until END,
    ignore_until_count = CASE WHEN ${UNIGNORES} THEN NULL ELSE ignore_until_count END,
    ignore_until_users = CASE WHEN ${UNIGNORES} THEN NULL ELSE ignore_until_users END`;

/** The issue row this ingest counted into: ?1 project, ?2 fingerprint, ?3 ingest token. */
const COUNTED_ISSUE = `FROM issues WHERE project_id = ?1 AND fingerprint = ?2 AND ingest_token = ?3`;

/** Binds: ?1 project, ?2 fingerprint, ?3 token, ?4 event id, ?5 received, ?6 occurred, ?7 level, ?8 gzip. */
export const INSERT_EVENT_SQL = `INSERT OR IGNORE INTO events
    (project_id, event_id, issue_id, received_at, occurred_at, level, payload, payload_gzip)
  SELECT ?1, ?4, id, ?5, ?6, ?7, '', ?8 ${COUNTED_ISSUE}`;

/**
 * Counts a value seen before; stores a new one only while its key is under
 * MAX_TAG_VALUES for the issue (users always). One statement (its SELECT sees the table as it was
 * before it, and an event has one value per key), so concurrent ingests never pass
 * the cap. Binds: ?1 project, ?2 fingerprint, ?3 token, ?4 JSON `[[key, value], …]`,
 * ?5 received.
 */
export const UPSERT_TAG_VALUES_SQL = `INSERT INTO issue_tag_values
    (issue_id, key, value, times_seen, first_seen, last_seen)
  SELECT issue.id, tag.key, tag.value, 1, ?5, ?5
  FROM (SELECT id ${COUNTED_ISSUE}) AS issue,
    (SELECT json_extract(value, '$[0]') AS key, json_extract(value, '$[1]') AS value
     FROM json_each(?4)) AS tag
  WHERE EXISTS (SELECT 1 FROM issue_tag_values known
      WHERE known.issue_id = issue.id AND known.key = tag.key AND known.value = tag.value)
    OR tag.key = 'user'
    OR ${HAS_ROOM_FOR('issue.id', 'tag.key')}
  ON CONFLICT (issue_id, key, value) DO UPDATE SET
    times_seen = times_seen + 1,
    last_seen = max(last_seen, excluded.last_seen)`;

/** Binds: ?1 project, ?2 fingerprint, ?3 token, ?4 hour (seconds). */
export const UPSERT_HOURLY_COUNT_SQL = `INSERT INTO issue_hourly_counts (issue_id, hour, count)
  SELECT id, ?4, 1 ${COUNTED_ISSUE} AND true
  ON CONFLICT (issue_id, hour) DO UPDATE SET count = count + 1`;

/** What the ingest did, read last in the batch. Binds: ?1 project, ?2 event id, ?3 token. */
export const INGEST_OUTCOME_SQL = `SELECT i.id, i.status, i.transition, i.ingest_token = ?3 AS counted,
    i.event_count, i.user_count
  FROM events e JOIN issues i ON i.id = e.issue_id
  WHERE e.project_id = ?1 AND e.event_id = ?2`;
