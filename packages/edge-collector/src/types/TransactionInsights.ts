import type { AlertPlan } from './AlertPlan';
import type { EventRecord } from './EventRecord';
import type { TraceSegment } from './Trace';

/** What the consumer derived from one transaction, for the batch store. */
export interface TransactionInsights {
  segment: TraceSegment;
  /** The project's Apdex threshold T, ms. */
  apdexThresholdMs: number;
  /** N+1 problems, each as an event of a performance issue, with its alerts and evidence. */
  problems: { record: EventRecord; alerts: AlertPlan; type: string; evidence: unknown }[];
}
