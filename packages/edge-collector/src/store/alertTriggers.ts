// SQL that fires alerts, placed after the statements that store an event (store/ingestBatch.ts).
// The batch is one transaction and D1 runs one at a time, so each condition below sees
// the issue as this event left it and no other event in between: a trigger fires once
// even when hundreds of events of one issue arrive together. The UNIQUE key of `alerts`
// (rule, subject, trigger, window) backs that up. Statements act only when this ingest
// counted the event (`issues.ingest_token`), so a resent event fires nothing, and read
// what it did to the issue's status from `issues.transition`.
import type { AlertPlan, FireInput } from '../types/AlertPlan';
import type { AlertTriggerType } from '../types/AlertRule';
import type { EventRecord } from '../types/EventRecord';

const COUNT_IN_WINDOW: Partial<Record<AlertTriggerType, string>> = {
  event_frequency: 'SELECT 1 FROM events c WHERE c.issue_id = i.id AND c.received_at > ?4 - ?10',
  user_frequency:
    'SELECT 1 FROM alert_issue_users c WHERE c.issue_id = i.id AND c.last_seen > ?4 - ?10',
  spike: `SELECT 1 FROM events c WHERE c.project_id = ?1 AND c.received_at > ?4 - ?10
    AND c.level IN ('error', 'fatal')`,
};

/** SQL condition (on the event's issue `i`) under which a trigger fires. */
function conditionFor(trigger: AlertTriggerType): string {
  const counted = COUNT_IN_WINDOW[trigger];
  // LIMIT: counting stops one past the threshold, so a busy issue costs no more than that.
  if (counted) return `(SELECT count(*) FROM (${counted} LIMIT ?9 + 1)) > ?9`;
  switch (trigger) {
    case 'new_issue':
      return "i.transition = 'new'";
    case 'regression':
      return "i.transition = 'regressed'";
    case 'ignored_until_met':
      return "i.transition = 'unignored'";
    case 'new_release':
      return `EXISTS (SELECT 1 FROM releases r
        WHERE r.project_id = ?1 AND r.version = ?11 AND r.first_seen = ?4)`;
    default:
      return '0';
  }
}

const ISSUE_SUPPRESSED = `max(0, i.event_count - 1 - coalesce((SELECT a.events_at_fire
  FROM alerts a WHERE a.rule_id = ?5 AND a.subject_id = i.id ORDER BY a.fired_at DESC LIMIT 1),
  i.event_count - 1))`;

/** Errors of the project (what a spike counts) since the rule's previous spike alert. */
const PROJECT_SUPPRESSED = `(SELECT count(*) FROM events e WHERE e.project_id = ?1
  AND e.event_id <> ?3 AND e.level IN ('error', 'fatal') AND e.received_at > (
    SELECT max(a.fired_at) FROM alerts a WHERE a.rule_id = ?5 AND a.subject_id = 0))`;

/**
 * `INSERT OR IGNORE INTO alerts … SELECT … WHERE <trigger condition>`: one alert row
 * when the rule fires for this event, none otherwise. Threshold triggers also respect
 * the rule's throttle; any alert of the rule for the same subject starts the interval.
 * The alert records how many events came since the rule's previous alert.
 */
export function fireAlertStatement(
  db: D1Database,
  input: FireInput & {
    projectId: number;
    fingerprint: string;
    eventId: string;
    ingestToken: string;
    now: number;
  },
): D1PreparedStatement {
  const projectWide = input.trigger === 'spike' || input.trigger === 'new_release';
  const subject = projectWide ? '0' : 'i.id';
  const counted = COUNT_IN_WINDOW[input.trigger];
  // One alert per issue ever for a new issue, per release for a new release; the
  // others can happen again later (a regression after the next resolve).
  const windowKey =
    input.trigger === 'new_issue'
      ? "''"
      : input.trigger === 'new_release'
        ? '?11'
        : 'CAST(?4 AS TEXT)';
  const suppressed =
    input.trigger === 'spike' ? PROJECT_SUPPRESSED : projectWide ? '0' : ISSUE_SUPPRESSED;
  const observed = counted ? `(SELECT count(*) FROM (${counted}))` : 'NULL';
  // A release is new whatever the status of the issue its first event belongs to: that
  // event is the only one that can announce it. Other triggers skip ignored issues.
  const notIgnored = input.trigger === 'new_release' ? '' : "AND i.status <> 'ignored'";
  const throttle = counted
    ? `AND NOT EXISTS (SELECT 1 FROM alerts a
         WHERE a.rule_id = ?5 AND a.subject_id = ${subject} AND a.fired_at > ?4 - ?7)`
    : '';
  return db
    .prepare(
      `INSERT OR IGNORE INTO alerts (project_id, rule_id, rule_name, subject_id, issue_id,
         trigger, window_key, event_id, fired_at, events_at_fire, suppressed_events, observed)
       SELECT ?1, ?5, ?6, ${subject}, i.id, ?8, ${windowKey}, ?3, ?4, i.event_count,
         ${suppressed}, ${observed}
       FROM issues i
       WHERE i.project_id = ?1 AND i.fingerprint = ?2 ${notIgnored}
         AND i.ingest_token = ?14
         AND (?12 IS NULL OR i.first_seen <= ?4 - ?12)
         AND (?13 IS NULL OR i.first_seen >= ?4 - ?13)
         AND NOT EXISTS (SELECT 1 FROM alerts a
           WHERE a.rule_id = ?5 AND a.subject_id = ${subject} AND a.event_id = ?3)
         ${throttle}
         AND ${conditionFor(input.trigger)}`,
    )
    .bind(
      input.projectId,
      input.fingerprint,
      input.eventId,
      input.now,
      input.rule.id,
      input.rule.name,
      input.rule.throttleMs,
      input.trigger,
      input.threshold ?? 0,
      input.windowMs ?? 0,
      input.release ?? null,
      input.issueOlderThanMs ?? null,
      input.issueNewerThanMs ?? null,
      input.ingestToken,
    );
}

/**
 * One delivery row per webhook for each alert this event fired (after the fire
 * statements): the outbox. Rules name their webhooks, or reach all of the project's.
 */
export function enqueueDeliveriesStatement(
  db: D1Database,
  projectId: number,
  eventId: string,
  now: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO alert_deliveries (alert_id, webhook_id, delivery_id,
         next_attempt_at, created_at)
       SELECT a.id, w.id, lower(hex(randomblob(16))), ?3, ?3
       FROM alerts a
       JOIN alert_rules r ON r.id = a.rule_id
       JOIN webhooks w ON w.project_id = a.project_id
       WHERE a.project_id = ?1 AND a.event_id = ?2 AND a.fired_at = ?3
         AND (r.webhook_ids IS NULL OR w.id IN (SELECT value FROM json_each(r.webhook_ids)))`,
    )
    .bind(projectId, eventId, now);
}

/** Remembers a user of the event's issue, for "more than N users in M minutes". */
export function recordIssueUserStatement(
  db: D1Database,
  input: {
    projectId: number;
    fingerprint: string;
    ingestToken: string;
    userKey: string;
    now: number;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO alert_issue_users (issue_id, user_key, last_seen)
       SELECT id, ?4, ?5 FROM issues WHERE project_id = ?1 AND fingerprint = ?2
         AND ingest_token = ?3
       ON CONFLICT (issue_id, user_key) DO UPDATE SET
         last_seen = max(last_seen, excluded.last_seen)`,
    )
    .bind(input.projectId, input.fingerprint, input.ingestToken, input.userKey, input.now);
}

/**
 * The statements that carry out an event's alert plan in the batch that stores it:
 * remember its user, fire each rule's trigger, then queue the deliveries of what fired.
 */
export function alertPlanStatements(
  db: D1Database,
  record: EventRecord,
  plan: AlertPlan,
): D1PreparedStatement[] {
  const base = {
    projectId: record.projectId,
    fingerprint: record.fingerprint,
    ingestToken: record.ingestToken,
    now: record.receivedAt,
  };
  const statements: D1PreparedStatement[] = [];
  if (plan.rememberUser && record.userKey) {
    statements.push(recordIssueUserStatement(db, { ...base, userKey: record.userKey }));
  }
  for (const fire of plan.fires) {
    statements.push(fireAlertStatement(db, { ...base, eventId: record.eventId, ...fire }));
  }
  if (plan.fires.length > 0) {
    statements.push(enqueueDeliveriesStatement(db, record.projectId, record.eventId, base.now));
  }
  return statements;
}
