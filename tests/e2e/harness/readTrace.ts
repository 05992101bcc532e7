import { type Collector, type Project, waitFor } from './collector';

/** A transaction as `GET /api/0/projects/<id>/transactions/` lists it. */
export interface TransactionSummary {
  eventId: string;
  name: string;
  op: string;
  traceId: string;
}

export interface TraceSpanJson {
  spanId: string;
  parentSpanId: string | null;
  op: string;
  description: string;
  status: string;
  startTimestamp: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface TraceTransactionJson {
  eventId: string;
  name: string;
  nameSource: string;
  op: string;
  spanId: string;
  parentSpanId: string | null;
  startTimestamp: string;
  timestamp: string;
  release: string | null;
  environment: string | null;
  measurements: Record<string, { value: number; unit?: string }>;
  data: Record<string, unknown>;
  spans: TraceSpanJson[];
}

/** `GET /api/0/projects/<id>/traces/<traceId>/`. */
export interface TraceJson {
  traceId: string;
  transactions: TraceTransactionJson[];
  errors: { eventId: string; issueId: string | number; title: string }[];
}

/**
 * Waits until the project lists a transaction `matching`, then reads its
 * trace through the trace API and returns it with that transaction.
 */
export async function waitForTraceOf(
  collector: Collector,
  project: Project,
  matching: (summary: TransactionSummary) => boolean,
  what: string,
): Promise<{ trace: TraceJson; transaction: TraceTransactionJson }> {
  const summary = await waitFor(
    async () => {
      const list = await collector.api<TransactionSummary[]>(
        `/api/0/projects/${project.id}/transactions/`,
      );
      return list.find(matching);
    },
    { what, timeoutMs: 60_000 },
  );
  const trace = await collector.api<TraceJson>(
    `/api/0/projects/${project.id}/traces/${summary.traceId}/`,
  );
  const transaction = trace.transactions.find((each) => each.eventId === summary.eventId);
  if (!transaction) throw new Error(`the trace of ${what} does not hold it`);
  return { trace, transaction };
}
