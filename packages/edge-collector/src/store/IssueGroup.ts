// The shapes the batch store works on: a queue batch's events, grouped by issue.
import type { AlertPlan } from '../types/AlertPlan';
import type { EventRecord } from '../types/EventRecord';

/** A processed event to store, with what alerting asks of it (see `planAlerts`). */
export interface PlannedEvent {
  record: EventRecord;
  alerts: AlertPlan;
  /** A performance issue's type and evidence (N+1 problems); absent for errors. */
  issueType?: { type: string; evidence: unknown };
}

/**
 * The events of one batch that belong to one issue (project and fingerprint), oldest
 * first, each event id once. The batch counts them into the issue with one upsert.
 */
export interface IssueGroup {
  projectId: number;
  fingerprint: string;
  /**
   * Names this batch's upsert: after it, `issues.ingest_token = token` holds exactly
   * when the upsert counted events of the group (none were stored before, or the
   * fingerprint is discarded, and it holds not). Statements after it act on that.
   */
  token: string;
  events: PlannedEvent[];
}
