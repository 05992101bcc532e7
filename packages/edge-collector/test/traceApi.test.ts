import { describe, expect, it } from 'vitest';
import pythonTransaction from './fixtures/sentry-python-transaction-envelope.json';
import {
  admin,
  type CreatedProject,
  call,
  createProject,
  envelope,
  outcomeCount,
  sendEnvelope,
  statsWhen,
  waitUntilIngested,
} from './helpers';
import { ENVELOPES, itemPayload } from './traces/fixtureItems';

interface TraceJson {
  traceId: string;
  transactions: {
    eventId: string;
    name: string;
    op: string;
    spanId: string;
    parentSpanId: string | null;
    startTimestamp: string;
    timestamp: string;
    measurements: Record<string, { value: number; unit?: string }>;
    data: Record<string, unknown>;
    spans: {
      spanId: string;
      parentSpanId: string | null;
      op: string;
      description: string;
      startTimestamp: string;
      timestamp: string;
      data: Record<string, unknown>;
    }[];
  }[];
  errors: { eventId: string; issueId: string | number; title: string; timestamp: string }[];
}

interface CapturedSpan {
  trace_id: string;
  span_id: string;
  is_segment: boolean;
  start_timestamp: number;
  end_timestamp: number;
  attributes: Record<string, { value: unknown }>;
}
const pageload = itemPayload(ENVELOPES.streamedPageload, 'span') as { items: CapturedSpan[] };
const TRACE_ID = pageload.items[0]?.trace_id as string;
const PAGELOAD_SPAN = pageload.items.find((item) => item.is_segment)?.span_id as string;
const FETCH_SPAN = pageload.items.find(
  (item) =>
    item.attributes['sentry.op']?.value === 'http.client' &&
    String(item.attributes['url.full']?.value).includes('/api/orders/17'),
)?.span_id as string;

function trace(project: CreatedProject, traceId = TRACE_ID) {
  return admin<TraceJson>(`/api/0/projects/${project.id}/traces/${traceId}/`);
}

/** Sends an envelope; a span item's is queued under its first span's ids: waits for it. */
async function send(project: CreatedProject, body: string) {
  const response = await sendEnvelope(project, body);
  expect(response.status).toBe(200);
  const lines = body.split('\n');
  for (let index = 1; index < lines.length - 1; index += 2) {
    if (JSON.parse(lines[index] as string).type !== 'span') continue;
    const [first] = (JSON.parse(lines[index + 1] as string) as { items: CapturedSpan[] }).items;
    await waitUntilIngested(Number(project.id), `${first?.trace_id}${first?.span_id}`);
  }
}

/** The backend's part of the page load's trace: sentry-python's transaction, continued from the fetch span. */
function backendTransaction() {
  const event = pythonTransaction.transaction;
  const fetch = pageload.items.find((item) => item.span_id === FETCH_SPAN) as CapturedSpan;
  return {
    ...event,
    event_id: 'e'.repeat(32),
    transaction: '/api/orders/{order_id}',
    transaction_info: { source: 'route' },
    // Inside the browser's fetch, which the capture timed.
    start_timestamp: fetch.start_timestamp,
    timestamp: fetch.end_timestamp,
    contexts: {
      ...event.contexts,
      trace: {
        trace_id: TRACE_ID,
        span_id: '1234567890abcdef',
        parent_span_id: FETCH_SPAN,
        op: 'http.server',
        status: 'ok',
      },
    },
    spans: [
      {
        span_id: 'fedcba0987654321',
        parent_span_id: '1234567890abcdef',
        op: 'db',
        description: 'SELECT "orders"."id" FROM "orders" WHERE "orders"."id" = %s',
        start_timestamp: pageload.items.find((item) => item.span_id === FETCH_SPAN)
          ?.start_timestamp,
        timestamp: pageload.items.find((item) => item.span_id === FETCH_SPAN)?.start_timestamp,
      },
    ],
  };
}

describe('GET /api/0/projects/:id/traces/:traceId/', () => {
  it('attaches the late web vitals of @sentry/browser 11 to their page load', async () => {
    const project = await createProject('trace-vitals');
    await send(project, ENVELOPES.streamedPageload);
    const before = await trace(project);
    expect(before.transactions).toHaveLength(1);
    expect(before.transactions[0]?.measurements.lcp).toBeUndefined();
    expect(before.transactions[0]?.measurements.fcp?.value).toBeGreaterThan(0);

    await send(project, ENVELOPES.streamedVitals);
    const after = await trace(project);
    expect(after.transactions).toHaveLength(1);
    const [page] = after.transactions;
    expect(page).toMatchObject({
      name: '/orders/*',
      op: 'pageload',
      spanId: PAGELOAD_SPAN,
      parentSpanId: null,
    });
    for (const vital of ['lcp', 'cls', 'inp', 'fcp', 'ttfb']) {
      expect(page?.measurements[vital]?.value).toBeGreaterThan(0);
    }
    expect(page?.data['lcp.element']).toBe('body > div#top > div');
    expect(page?.spans.map((span) => span.spanId)).toEqual(
      before.transactions[0]?.spans.map((span) => span.spanId),
    );

    // The list of transactions shows the merged measurements too.
    const listed = await admin<
      { name: string; op: string; measurements: Record<string, unknown> }[]
    >(`/api/0/projects/${project.id}/transactions/`);
    expect(listed).toEqual([
      expect.objectContaining({
        name: '/orders/*',
        op: 'pageload',
        measurements: page?.measurements,
      }),
    ]);
    const stats = await statsWhen(
      project,
      (current) => outcomeCount(current, 'accepted', 'span') > 0,
    );
    expect(outcomeCount(stats, 'accepted', 'span')).toBe(pageload.items.length + 3);
  });

  it('attaches web vitals that arrive before their page load once it comes', async () => {
    const project = await createProject('trace-vitals-first');
    await send(project, ENVELOPES.streamedVitals);
    await send(project, ENVELOPES.streamedPageload);
    const [page] = (await trace(project)).transactions;
    for (const vital of ['lcp', 'cls', 'inp'])
      expect(page?.measurements[vital]?.value).toBeGreaterThan(0);
  });

  it('joins the browser page load, the backend transaction it called and the errors of the trace', async () => {
    const project = await createProject('trace-join');
    await send(project, ENVELOPES.streamedPageload);
    await send(
      project,
      envelope({ event_id: 'e'.repeat(32) }, [{ type: 'transaction' }, backendTransaction()]),
    );
    const errorId = 'f'.repeat(32);
    await send(
      project,
      envelope({ event_id: errorId }, [
        { type: 'event' },
        {
          event_id: errorId,
          platform: 'python',
          exception: { values: [{ type: 'OrderMissing', value: 'order 17 is gone' }] },
          contexts: { trace: { trace_id: TRACE_ID.toUpperCase(), span_id: '1234567890abcdef' } },
        },
      ]),
    );
    // An error of another trace stays out.
    await send(
      project,
      envelope({}, [
        { type: 'event' },
        {
          message: 'elsewhere',
          contexts: { trace: { trace_id: `${'0'.repeat(31)}1`, span_id: '1'.repeat(16) } },
        },
      ]),
    );

    const joined = await trace(project);
    expect(joined.traceId).toBe(TRACE_ID);
    expect(joined.transactions.map((each) => [each.op, each.name])).toEqual([
      ['pageload', '/orders/*'],
      ['http.server', '/api/orders/{order_id}'],
    ]);
    const [browser, backend] = joined.transactions;
    const fetchSpan = browser?.spans.find((span) => span.spanId === FETCH_SPAN);
    expect(fetchSpan).toMatchObject({
      op: 'http.client',
      description: 'GET /api/orders/17',
      parentSpanId: PAGELOAD_SPAN,
    });
    expect(backend).toMatchObject({ spanId: '1234567890abcdef', parentSpanId: FETCH_SPAN });
    expect(backend?.spans).toEqual([
      expect.objectContaining({
        spanId: 'fedcba0987654321',
        parentSpanId: '1234567890abcdef',
        op: 'db',
      }),
    ]);
    // Time order, spans included.
    const starts = browser?.spans.map((span) => Date.parse(span.startTimestamp)) ?? [];
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(joined.errors).toEqual([
      {
        eventId: errorId,
        issueId: expect.anything(),
        title: 'OrderMissing: order 17 is gone',
        timestamp: expect.any(String),
      },
    ]);
  });

  it('answers 400 for a malformed trace id and 404 for an unknown trace', async () => {
    const project = await createProject('trace-missing');
    const headers = { Authorization: `Bearer ${(await import('./helpers')).ADMIN_TOKEN}` };
    const malformed = await call(`/api/0/projects/${project.id}/traces/not-a-trace/`, { headers });
    expect(malformed.status).toBe(400);
    const unknown = await call(`/api/0/projects/${project.id}/traces/${'9'.repeat(32)}/`, {
      headers,
    });
    expect(unknown.status).toBe(404);
    const anonymous = await call(`/api/0/projects/${project.id}/traces/${TRACE_ID}/`);
    expect(anonymous.status).toBe(401);
  });
});
