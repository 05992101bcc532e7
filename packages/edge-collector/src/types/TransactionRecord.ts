import type { TraceSegment } from './Trace';

/** A transaction ready for storage: validated, enriched and scrubbed. */
export interface TransactionRecord {
  projectId: number;
  eventId: string;
  name: string;
  op: string;
  status: string;
  traceId: string;
  /** Milliseconds since the epoch. */
  startTimestamp: number;
  timestamp: number;
  durationMs: number;
  release: string | null;
  environment: string | null;
  measurements: Record<string, { value: number; unit?: string }>;
  receivedAt: number;
  payload: string;
  /** The transaction in the trace model, with its spans; stored gzip-compressed. */
  segment: TraceSegment;
}
