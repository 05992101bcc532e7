import { type CreatedProject, envelope, sendEnvelope } from '../helpers';
import { logNormal, seededRandom } from './seededRandom';

/** What a generated transaction is, to compute expected figures exactly. */
export interface SeededTransaction {
  eventId: string;
  traceId: string;
  name: string;
  op: string;
  environment: string;
  release: string;
  status: string;
  /** Seconds since the epoch. */
  start: number;
  durationMs: number;
  vitals: Record<string, number>;
  /** ms of db spans (sequential, non-overlapping). */
  dbMs: number;
}

/**
 * An hour boundary three days back, fixed when the tests load: aggregates are read
 * with start/end, and events within 30 days keep their timestamps (older ones are
 * clamped to the receive time, as Relay does).
 */
export const BASE_HOUR = Math.floor(Date.now() / 3_600_000) * 3600 - 3 * 24 * 3600;

const hex = (random: () => number, length: number) =>
  Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');

/** Generates `count` transactions of three pages over two hours, from a seed. */
export function generateTransactions(seed: number, count: number): SeededTransaction[] {
  const random = seededRandom(seed);
  const pages = [
    { name: '/checkout', op: 'pageload', median: 900 },
    { name: '/home', op: 'pageload', median: 350 },
    { name: 'GET /api/orders', op: 'http.server', median: 120 },
  ];
  return Array.from({ length: count }, (_, index) => {
    const page = pages[index % pages.length] as (typeof pages)[number];
    const pageload = page.op === 'pageload';
    const durationMs = Math.round(logNormal(random, page.median, 0.9)) + 0.5;
    const vitals: Record<string, number> = pageload
      ? {
          lcp: Math.round(logNormal(random, page.median * 2.5, 0.6)) + 0.5,
          fcp: Math.round(logNormal(random, page.median * 1.6, 0.5)) + 0.5,
          ttfb: Math.round(logNormal(random, page.median * 0.5, 0.7)) + 0.5,
          cls: Math.round(logNormal(random, 0.08, 1.0) * 10000) / 10000 + 0.00005,
          ...(random() < 0.6 ? { inp: Math.round(logNormal(random, 180, 0.7)) + 0.5 } : {}),
        }
      : {};
    return {
      eventId: hex(random, 32),
      traceId: hex(random, 32),
      name: page.name,
      op: page.op,
      environment: random() < 0.7 ? 'production' : 'staging',
      release: random() < 0.5 ? 'shop@1.0.0' : 'shop@1.1.0',
      status: random() < 0.1 ? 'internal_error' : 'ok',
      start: BASE_HOUR + Math.floor(random() * 7000) + 0.25,
      durationMs,
      vitals,
      dbMs: pageload ? 0 : Math.round(durationMs * 0.4 * 1000) / 1000,
    };
  });
}

/** The Sentry transaction event a generated transaction is sent as. */
export function transactionEvent(t: SeededTransaction): Record<string, unknown> {
  const rootSpan = t.eventId.slice(0, 16);
  const dbSpans =
    t.dbMs > 0
      ? [0, 1].map((i) => ({
          span_id: `${t.eventId.slice(16, 31)}${i}`,
          parent_span_id: rootSpan,
          trace_id: t.traceId,
          op: 'db',
          description: `SELECT * FROM orders WHERE id = %s -- ${i}`,
          start_timestamp: t.start + (i * t.dbMs) / 2000,
          timestamp: t.start + ((i + 1) * t.dbMs) / 2000,
        }))
      : [];
  return {
    type: 'transaction',
    event_id: t.eventId,
    transaction: t.name,
    start_timestamp: t.start,
    timestamp: t.start + t.durationMs / 1000,
    release: t.release,
    environment: t.environment,
    contexts: { trace: { trace_id: t.traceId, span_id: rootSpan, op: t.op, status: t.status } },
    measurements: Object.fromEntries(
      Object.entries(t.vitals).map(([name, value]) => [
        name,
        { value, unit: name === 'cls' ? '' : 'millisecond' },
      ]),
    ),
    spans: dbSpans,
  };
}

/** Sends each transaction in its own envelope, a few at a time. */
export async function sendTransactions(
  project: CreatedProject,
  transactions: SeededTransaction[],
): Promise<void> {
  for (let i = 0; i < transactions.length; i += 8) {
    const responses = await Promise.all(
      transactions
        .slice(i, i + 8)
        .map((t) =>
          sendEnvelope(
            project,
            envelope({ event_id: t.eventId }, [{ type: 'transaction' }, transactionEvent(t)]),
          ),
        ),
    );
    for (const response of responses) {
      if (response.status !== 200)
        throw new Error(`transaction: ${response.status} ${await response.text()}`);
    }
  }
}
