import { deliverAlerts } from '../alerts/deliverAlerts';
import { allDatabases } from '../databases/databaseBindings';
import type { Env } from '../env';
import { type AlertFigures, regressionFigures, sketchOfMetric } from '../insights/alertFigures';
import { previousRelease } from '../insights/previousRelease';
import { fireCronAlert, selectCronRules, selectReleaseSpans } from '../store/cronAlerts';
import { countErrorEvents } from '../store/eventIndex';
import { type AggregateFilter, selectAggregateGroups } from '../store/transactionAggregateReads';
import {
  type AlertRule,
  type ErrorRateTrigger,
  isCronTrigger,
  type PerformanceRegressionTrigger,
} from '../types/AlertRule';

const HOUR = 3600;
const WEEK = 7 * 24 * HOUR;

interface Finding {
  transaction: string;
  figures: AlertFigures & Record<string, unknown>;
}

/** The whole hours a window of `minutes` ending at `now` (ms) touches: aggregates are hourly. */
function windowHours(now: number, minutes: number): { startHour: number; endHour: number } {
  const startHour = Math.floor((now - minutes * 60_000) / 3_600_000) * HOUR;
  const endHour = Math.floor(now / 3_600_000) * HOUR + HOUR;
  return { startHour, endHour };
}

/** The groups by transaction name, with only the sketch the metric needs. */
async function byName(db: D1Database, filter: AggregateFilter, metric: string) {
  const sketch = sketchOfMetric(metric);
  const groups = await selectAggregateGroups(db, filter, { sketches: sketch ? [sketch] : [] });
  return new Map(groups.map((group) => [group.group, group]));
}

/**
 * A regression of the trigger's metric in the window against the previous
 * release's last window of the same length, or the same window a week before.
 */
async function evaluateRegression(
  db: D1Database,
  rule: AlertRule,
  trigger: PerformanceRegressionTrigger,
  now: number,
): Promise<Finding[]> {
  const { startHour, endHour } = windowHours(now, trigger.windowMinutes);
  const base: AggregateFilter = {
    projectId: rule.projectId,
    startHour,
    endHour,
    environment: rule.filters.environment,
    name: trigger.transaction,
  };
  let current: AggregateFilter = base;
  let baseline: AggregateFilter = { ...base, startHour: startHour - WEEK, endHour: endHour - WEEK };
  let baselineRelease: string | undefined;
  if (trigger.baseline === 'previous_release') {
    const spans = await selectReleaseSpans(db, rule.projectId, rule.filters.environment ?? null);
    const releases = previousRelease(spans, startHour);
    if (!releases) return [];
    const end = releases.previous.lastHour + HOUR;
    current = { ...base, release: releases.current.release };
    baseline = {
      ...base,
      release: releases.previous.release,
      startHour: end - (endHour - startHour),
      endHour: end,
    };
    baselineRelease = releases.previous.release;
  }
  const [now_, before] = await Promise.all([
    byName(db, current, trigger.metric),
    byName(db, baseline, trigger.metric),
  ]);
  const findings: Finding[] = [];
  for (const [name, group] of now_) {
    const figures = regressionFigures(trigger, group, before.get(name));
    if (!figures) continue;
    findings.push({
      transaction: name,
      figures: {
        ...figures,
        release: current.release ?? null,
        baselineRelease: baselineRelease ?? null,
      },
    });
  }
  return findings;
}

/** Error events ÷ transactions in the window, over the rule's environment or the project. */
async function evaluateErrorRate(
  db: D1Database,
  rule: AlertRule,
  trigger: ErrorRateTrigger,
  now: number,
): Promise<Finding[]> {
  const { startHour, endHour } = windowHours(now, trigger.windowMinutes);
  const environment = rule.filters.environment;
  const [groups, errors] = await Promise.all([
    selectAggregateGroups(
      db,
      { projectId: rule.projectId, startHour, endHour, environment },
      { sketches: [] },
    ),
    countErrorEvents(db, rule.projectId, startHour * 1000, endHour * 1000, environment ?? null),
  ]);
  const transactions = groups.reduce((sum, group) => sum + group.count, 0);
  if (transactions < trigger.minCount) return [];
  const rate = (errors / transactions) * 100;
  if (!(rate > trigger.threshold)) return [];
  return [
    {
      transaction: '',
      figures: {
        metric: 'error_rate',
        value: rate,
        baseline: trigger.threshold,
        changePercent: null,
        count: transactions,
        baselineCount: null,
        errors,
      },
    },
  ];
}

/**
 * The cron's performance alerts, database by database: evaluates every enabled
 * performance_regression and error_rate trigger from the aggregates, fires through the
 * outbox (the rule's throttle per transaction), then sends what fired. Returns how many fired.
 */
export async function runPerformanceAlerts(env: Env, now: number): Promise<number> {
  let fired = 0;
  for (const db of allDatabases(env)) {
    let firedHere = 0;
    for (const rule of await selectCronRules(db)) {
      for (const trigger of rule.triggers) {
        if (!isCronTrigger(trigger)) continue;
        const findings =
          trigger.type === 'error_rate'
            ? await evaluateErrorRate(db, rule, trigger, now)
            : await evaluateRegression(db, rule, trigger, now);
        for (const finding of findings) {
          const alert = { projectId: rule.projectId, rule, trigger: trigger.type, now, ...finding };
          if (await fireCronAlert(db, { ...alert, details: { figures: finding.figures } }))
            firedHere++;
        }
      }
    }
    if (firedHere > 0) await deliverAlerts(env, db, { maxRounds: 3 });
    fired += firedHere;
  }
  return fired;
}
