import { type Collector, type Project, waitFor } from './collector';

/** A transaction as `GET /api/0/projects/<id>/transactions/` lists it. */
export interface TransactionSummary {
  eventId: string;
  name: string;
  op: string;
  traceId: string;
}

export interface StoredSpan {
  span_id: string;
  parent_span_id: string;
  trace_id: string;
  op: string;
  description?: string;
  start_timestamp: number;
  timestamp: number;
  status?: string;
  data?: Record<string, unknown>;
}

/** A stored transaction payload (Sentry transaction event), as the read route returns it. */
export interface StoredTransaction {
  event_id: string;
  type: string;
  transaction: string;
  transaction_info?: { source?: string };
  start_timestamp: number;
  timestamp: number;
  release?: string;
  environment?: string;
  contexts: {
    trace: {
      trace_id: string;
      span_id: string;
      parent_span_id?: string;
      op: string;
      data?: Record<string, unknown>;
    };
  };
  measurements?: Record<string, { value: number; unit?: string }>;
  spans: StoredSpan[];
}

/** Waits until the project has a transaction `matching`, then reads its stored payload. */
export async function waitForTransaction(
  collector: Collector,
  project: Project,
  matching: (summary: TransactionSummary) => boolean,
  what: string,
): Promise<StoredTransaction> {
  const summary = await waitFor(
    async () => {
      const list = await collector.api<TransactionSummary[]>(
        `/api/0/projects/${project.id}/transactions/`,
      );
      return list.find(matching);
    },
    { what, timeoutMs: 30_000 },
  );
  return collector.api<StoredTransaction>(
    `/api/0/projects/${project.id}/transactions/${summary.eventId}/`,
  );
}
