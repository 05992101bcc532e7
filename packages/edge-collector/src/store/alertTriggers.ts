// SQL that fires alerts, placed after the statements that store a batch's events
// (store/ingestBatch.ts). The batch is one transaction and D1 runs one at a time, so
// each condition below sees the issue as the batch's events of it left it and nothing
// in between: a trigger fires once even when hundreds of events of one issue arrive
// together. The UNIQUE key of `alerts` (rule, subject, trigger, window) backs that up.
// Statements act only when the batch counted events of the issue (`issues.ingest_token`),
// so a redelivered batch fires nothing, and read what it did to the issue's status from
// `issues.transition`. Each rule's trigger is checked once per issue per batch (once per
// project for spike and new release), naming one event of the batch (see WEBHOOKS.md).

import type { AlertTriggerType } from '../types/AlertRule';
import { batchInput } from './batchInput';
import type { IssueGroup } from './IssueGroup';
import { fireBinds, type PlannedFire, planFires, TRANSITIONS } from './planFires';
import { withInput } from './withInput';

/**
 * Remembers the users of the batch's events whose plans ask for it, per issue, for
 * "more than N users in M minutes". One statement for the batch.
 */
function rememberUsersStatement(db: D1Database, groups: string): D1PreparedStatement {
  return withInput(
    db,
    { groups },
    `INSERT INTO alert_issue_users (issue_id, user_key, last_seen)
     SELECT i.id, e.value ->> 'user_key', max(e.value ->> 'received_at')
     FROM input, json_each(input.groups) g
       JOIN issues i ON i.project_id = g.value ->> 'project_id'
         AND i.fingerprint = g.value ->> 'fingerprint' AND i.ingest_token = g.value ->> 'token',
       json_each(g.value -> 'events') e
     WHERE e.value ->> 'remember_user'
     GROUP BY 1, 2
     ON CONFLICT (issue_id, user_key) DO UPDATE SET
       last_seen = max(last_seen, excluded.last_seen)`,
  );
}

/**
 * New issue, regression and ignored-until-met for the whole batch in one statement:
 * an alert row per issue whose transition is the one its trigger needs. Each row has
 * its own subject (issue), so the rows of one statement never meet. The alert records
 * how many events came since the rule's previous alert for the issue.
 */
function transitionFiresStatement(db: D1Database, fires: PlannedFire[]): D1PreparedStatement {
  const rows = fires.map((planned) => ({
    ...fireBinds(planned),
    transition: TRANSITIONS[planned.fire.trigger],
  }));
  return withInput(
    db,
    { fires: JSON.stringify(rows) },
    `WITH fire AS (
       SELECT f.value ->> 'project_id' AS project_id, f.value ->> 'fingerprint' AS fingerprint,
         f.value ->> 'token' AS token, f.value ->> 'event_id' AS event_id,
         f.value ->> 'now' AS now, f.value ->> 'rule_id' AS rule_id,
         f.value ->> 'rule_name' AS rule_name, f.value ->> 'trigger' AS trigger,
         f.value ->> 'transition' AS transition, f.value ->> 'older_ms' AS older_ms,
         f.value ->> 'newer_ms' AS newer_ms
       FROM input, json_each(input.fires) f
     )
     INSERT OR IGNORE INTO alerts (project_id, rule_id, rule_name, subject_id, issue_id,
       trigger, window_key, event_id, fired_at, events_at_fire, suppressed_events, observed)
     SELECT fire.project_id, fire.rule_id, fire.rule_name, i.id, i.id, fire.trigger,
       CASE WHEN fire.trigger = 'new_issue' THEN '' ELSE CAST(CAST(fire.now AS INTEGER) AS TEXT) END,
       fire.event_id, fire.now, i.event_count,
       max(0, i.event_count - 1 - coalesce((SELECT a.events_at_fire FROM alerts a
         WHERE a.rule_id = fire.rule_id AND a.subject_id = i.id ORDER BY a.fired_at DESC LIMIT 1),
         i.event_count - 1)),
       NULL
     FROM fire JOIN issues i ON i.project_id = fire.project_id
       AND i.fingerprint = fire.fingerprint AND i.ingest_token = fire.token
     WHERE i.status <> 'ignored' AND i.transition = fire.transition
       AND (fire.older_ms IS NULL OR i.first_seen <= fire.now - fire.older_ms)
       AND (fire.newer_ms IS NULL OR i.first_seen >= fire.now - fire.newer_ms)
       AND NOT EXISTS (SELECT 1 FROM alerts a
         WHERE a.rule_id = fire.rule_id AND a.subject_id = i.id AND a.event_id = fire.event_id)`,
  );
}

/** What a threshold trigger counts in its window, for the issue `i` (spike: the project). */
const COUNT_IN_WINDOW: Partial<Record<AlertTriggerType, string>> = {
  event_frequency: `SELECT 1 FROM events c
    WHERE c.issue_id = i.id AND c.received_at > input.now - input.window_ms`,
  user_frequency: `SELECT 1 FROM alert_issue_users c
    WHERE c.issue_id = i.id AND c.last_seen > input.now - input.window_ms`,
  spike: `SELECT 1 FROM events c WHERE c.project_id = input.project_id
    AND c.received_at > input.now - input.window_ms AND c.level IN ('error', 'fatal')`,
};

/** Events of the issue since the rule's previous alert for it, the named one aside. */
const ISSUE_SUPPRESSED = `max(0, i.event_count - 1 - coalesce((SELECT a.events_at_fire
  FROM alerts a WHERE a.rule_id = input.rule_id AND a.subject_id = i.id
  ORDER BY a.fired_at DESC LIMIT 1), i.event_count - 1))`;

/** Errors of the project (what a spike counts) since the rule's previous spike alert. */
const PROJECT_SUPPRESSED = `(SELECT count(*) FROM events e WHERE e.project_id = input.project_id
  AND e.event_id <> input.event_id AND e.level IN ('error', 'fatal') AND e.received_at > (
    SELECT max(a.fired_at) FROM alerts a WHERE a.rule_id = input.rule_id AND a.subject_id = 0))`;

/**
 * A threshold (frequency, users, spike) or new-release trigger: one alert row when it
 * fires, none otherwise. Thresholds also respect the rule's throttle; any alert of the
 * rule for the same subject starts the interval. A new release fires when the named
 * event's time is the release's first_seen (this batch added it).
 */
function fireAlertStatement(db: D1Database, planned: PlannedFire) {
  const { fire } = planned;
  const projectWide = fire.trigger === 'spike' || fire.trigger === 'new_release';
  const subject = projectWide ? '0' : 'i.id';
  const counted = COUNT_IN_WINDOW[fire.trigger];
  // Counting stops one past the threshold, so a busy issue costs no more than that.
  const condition = counted
    ? `(SELECT count(*) FROM (${counted} LIMIT (SELECT threshold FROM input) + 1))
        > input.threshold`
    : `EXISTS (SELECT 1 FROM releases r WHERE r.project_id = input.project_id
        AND r.version = input.release AND r.first_seen = input.now)`;
  const suppressed =
    fire.trigger === 'spike' ? PROJECT_SUPPRESSED : projectWide ? '0' : ISSUE_SUPPRESSED;
  const observed = counted ? `(SELECT count(*) FROM (${counted}))` : 'NULL';
  // A release is new whatever the status of the issue its first event belongs to: that
  // event is the only one that can announce it. Other triggers skip ignored issues.
  const notIgnored = fire.trigger === 'new_release' ? '' : "AND i.status <> 'ignored'";
  const throttle = counted
    ? `AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.rule_id = input.rule_id
         AND a.subject_id = ${subject} AND a.fired_at > input.now - input.throttle_ms)`
    : '';
  return withInput(
    db,
    {
      ...fireBinds(planned),
      throttle_ms: fire.rule.throttleMs,
      threshold: fire.threshold ?? 0,
      window_ms: fire.windowMs ?? 0,
      release: fire.release,
    },
    `INSERT OR IGNORE INTO alerts (project_id, rule_id, rule_name, subject_id, issue_id,
       trigger, window_key, event_id, fired_at, events_at_fire, suppressed_events, observed)
     SELECT input.project_id, input.rule_id, input.rule_name, ${subject}, i.id, input.trigger,
       ${fire.trigger === 'new_release' ? 'input.release' : 'CAST(CAST(input.now AS INTEGER) AS TEXT)'},
       input.event_id, input.now, i.event_count, ${suppressed}, ${observed}
     FROM input JOIN issues i ON i.project_id = input.project_id
       AND i.fingerprint = input.fingerprint AND i.ingest_token = input.token
     WHERE true ${notIgnored}
       AND (input.older_ms IS NULL OR i.first_seen <= input.now - input.older_ms)
       AND (input.newer_ms IS NULL OR i.first_seen >= input.now - input.newer_ms)
       AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.rule_id = input.rule_id
         AND a.subject_id = ${subject} AND a.event_id = input.event_id)
       ${throttle}
       AND ${condition}`,
  );
}

/**
 * One delivery row per webhook for each alert the batch fired (after the fire
 * statements): the outbox. Rules name their webhooks, or reach all of the project's.
 * An alert is this batch's when it names one of the batch's events at its time.
 */
function enqueueDeliveriesStatement(db: D1Database, fires: PlannedFire[]): D1PreparedStatement {
  const named = fires.map(({ record }) => [record.projectId, record.eventId, record.receivedAt]);
  return withInput(
    db,
    { named: JSON.stringify(named) },
    `INSERT OR IGNORE INTO alert_deliveries (alert_id, webhook_id, delivery_id,
       next_attempt_at, created_at)
     SELECT DISTINCT a.id, w.id, lower(hex(randomblob(16))), a.fired_at, a.fired_at
     FROM input, json_each(input.named) n
       JOIN alerts a ON a.project_id = n.value ->> 0 AND a.event_id = n.value ->> 1
         AND a.fired_at = n.value ->> 2
       JOIN alert_rules r ON r.id = a.rule_id
       JOIN webhooks w ON w.project_id = a.project_id
     WHERE r.webhook_ids IS NULL OR w.id IN (SELECT value FROM json_each(r.webhook_ids))`,
  );
}

/**
 * The statements that carry out the alert plans of a batch's events, after the
 * statements that store them: remember users, fire each rule's triggers, then queue
 * the deliveries of what fired.
 */
export function alertTriggerStatements(
  db: D1Database,
  groups: IssueGroup[],
): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  const rememberUsers = groups.some((group) =>
    group.events.some(({ record, alerts }) => alerts.rememberUser && record.userKey),
  );
  if (rememberUsers) statements.push(rememberUsersStatement(db, batchInput(groups)));
  const fires = planFires(groups);
  const transitions = fires.filter(({ fire }) => TRANSITIONS[fire.trigger] !== undefined);
  if (transitions.length > 0) statements.push(transitionFiresStatement(db, transitions));
  for (const planned of fires) {
    if (TRANSITIONS[planned.fire.trigger] === undefined) {
      statements.push(fireAlertStatement(db, planned));
    }
  }
  if (fires.length > 0) statements.push(enqueueDeliveriesStatement(db, fires));
  return statements;
}
