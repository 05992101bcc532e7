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
}
