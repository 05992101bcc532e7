import type { DeliveryJob } from '../store/outbox';
import type { AlertTrigger } from '../types/AlertRule';
import type { AlertFrame, AlertPayload } from './AlertPayload';
import { sentTags } from './eventFacts';

const HEADLINES: Record<string, string> = {
  new_issue: 'New issue',
  regression: 'Regression',
  ignored_until_met: 'Ignored issue is back',
  event_frequency: 'Frequent issue',
  user_frequency: 'Issue affecting many users',
  spike: 'Error spike',
  new_release: 'New release',
  test: 'Test delivery',
};

function topFrames(event: Record<string, unknown>): AlertFrame[] {
  const values = (event.exception as { values?: unknown[] } | undefined)?.values;
  const main = Array.isArray(values)
    ? (values[values.length - 1] as Record<string, unknown>)
    : null;
  const frames = (main?.stacktrace as { frames?: unknown[] } | undefined)?.frames;
  if (!Array.isArray(frames)) return [];
  return frames
    .slice(-5)
    .reverse()
    .map((raw) => {
      const frame = (raw ?? {}) as Record<string, unknown>;
      return {
        function: typeof frame.function === 'string' ? frame.function : '?',
        filename: String(frame.filename ?? frame.abs_path ?? frame.module ?? ''),
        lineno: typeof frame.lineno === 'number' ? frame.lineno : null,
        colno: typeof frame.colno === 'number' ? frame.colno : null,
      };
    });
}

function parseEvent(job: DeliveryJob): AlertPayload['event'] {
  const { event } = job;
  if (!event || !job.alert.eventId) return null;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  return {
    id: job.alert.eventId,
    level: text(event.level),
    release: text(event.release),
    environment: text(event.environment),
    tags: sentTags(event),
    frames: topFrames(event),
  };
}

function thresholdOf(job: DeliveryJob): AlertPayload['threshold'] {
  if (job.alert.observed === null || !job.alert.ruleTriggers) return null;
  const triggers = JSON.parse(job.alert.ruleTriggers) as AlertTrigger[];
  const trigger = triggers.find((entry) => entry.type === job.alert.trigger);
  if (!trigger || !('threshold' in trigger)) return null;
  return {
    count: job.alert.observed,
    threshold: trigger.threshold,
    windowMinutes: trigger.windowMinutes,
  };
}

function messageOf(job: DeliveryJob, payload: Omit<AlertPayload, 'message'>): string {
  const { trigger } = job.alert;
  let what = payload.issue?.title ?? '';
  if (trigger === 'new_release') what = `first event of ${job.alert.windowKey}`;
  if (trigger === 'test') what = `webhook works (delivery ${payload.id})`;
  const counted = payload.threshold;
  if (counted) {
    const unit = trigger === 'user_frequency' ? 'users' : trigger === 'spike' ? 'errors' : 'events';
    what = `${counted.count} ${unit} in ${counted.windowMinutes} min (over ${counted.threshold})${
      trigger === 'spike' ? '' : `: ${what}`
    }`;
  }
  const since = payload.suppressedEvents;
  const more = since > 0 ? `, and ${since} more event${since === 1 ? '' : 's'} since` : '';
  return `${HEADLINES[trigger] ?? trigger} in ${payload.project.name}: ${what}${more}`;
}

/** The alert a delivery carries, as the generic JSON payload. */
export function buildAlertPayload(job: DeliveryJob, publicUrl: string | undefined): AlertPayload {
  const base = (publicUrl || job.webhook.origin).replace(/\/+$/, '');
  const { issue } = job;
  const payload: Omit<AlertPayload, 'message'> = {
    id: job.deliveryId,
    type: `alert.${job.alert.trigger}`,
    trigger: job.alert.trigger,
    firedAt: new Date(job.alert.firedAt).toISOString(),
    rule:
      job.alert.ruleId === null ? null : { id: String(job.alert.ruleId), name: job.alert.ruleName },
    project: { id: String(job.project.id), name: job.project.name },
    issue: issue && {
      id: String(issue.id),
      title: issue.title,
      culprit: issue.culprit,
      level: issue.level,
      status: issue.status,
      count: issue.count,
      userCount: issue.userCount,
      firstSeen: new Date(issue.firstSeen).toISOString(),
      lastSeen: new Date(issue.lastSeen).toISOString(),
      // No dashboard yet: the issue in the read API (the bearer token opens it).
      url: `${base}/api/0/issues/${issue.id}/`,
    },
    event: parseEvent(job),
    threshold: thresholdOf(job),
    suppressedEvents: job.alert.suppressedEvents,
  };
  return { ...payload, message: messageOf(job, payload) };
}
