import { describe, expect, it } from 'vitest';
import { admin, type CreatedProject, createProject, envelope, sendEnvelope } from '../helpers';

interface Issue {
  id: string;
  type: string;
  title: string;
  culprit: string;
  count: number;
  evidence?: Record<string, unknown>;
}

const ROOT = '1000000000000000';
const VIEW = '2000000000000000';

/** A Django-like request transaction: a view span, one source query, then `perRow` queries. */
function djangoTransaction(eventId: string, perRow: number, name = '/books/') {
  const start = 1_780_000_000;
  const spans = [
    {
      span_id: VIEW,
      parent_span_id: ROOT,
      op: 'view.render',
      description: 'list',
      start_timestamp: start,
      timestamp: start + 0.5,
    },
    {
      span_id: '3000000000000000',
      parent_span_id: VIEW,
      op: 'db',
      description: 'SELECT "shop_book"."id", "shop_book"."author_id" FROM "shop_book"',
      start_timestamp: start + 0.001,
      timestamp: start + 0.004,
    },
    ...Array.from({ length: perRow }, (_, i) => ({
      span_id: `4${String(i).padStart(15, '0')}`,
      parent_span_id: VIEW,
      op: 'db',
      description:
        'SELECT "shop_author"."id", "shop_author"."name" FROM "shop_author" WHERE "shop_author"."id" = %s LIMIT 21',
      start_timestamp: start + 0.005 + i * 0.012,
      timestamp: start + 0.016 + i * 0.012,
    })),
  ];
  return {
    type: 'transaction',
    event_id: eventId,
    transaction: name,
    start_timestamp: start,
    timestamp: start + 0.6,
    contexts: {
      trace: { trace_id: 'a'.repeat(32), span_id: ROOT, op: 'http.server', status: 'ok' },
    },
    spans,
  };
}

async function send(project: CreatedProject, transaction: { event_id: string }) {
  const response = await sendEnvelope(
    project,
    envelope({ event_id: transaction.event_id }, [{ type: 'transaction' }, transaction]),
  );
  expect(response.status).toBe(200);
}

describe('N+1 query issues', { timeout: 60_000 }, () => {
  it('turns a query per row into one performance_n_plus_one issue with its evidence', async () => {
    const project = await createProject('n-plus-one');
    const first = djangoTransaction('b'.repeat(32), 10);
    await send(project, first);
    await send(project, first); // a resend counts once
    await send(project, djangoTransaction('c'.repeat(32), 7));

    const issues = await admin<Issue[]>(`/api/0/projects/${project.id}/issues/`);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({
      type: 'performance_n_plus_one',
      title: 'N+1 Query',
      culprit: '/books/',
      count: 2,
    });
    expect(issue?.evidence).toMatchObject({
      transaction: '/books/',
      query:
        'SELECT "shop_author"."id", "shop_author"."name" FROM "shop_author" WHERE "shop_author"."id" = %s LIMIT %s',
      repeatCount: 7,
      transactionId: 'c'.repeat(32),
    });
    expect((issue?.evidence?.totalMs as number) / 7).toBeCloseTo(11, 3);

    const events = await admin<{ eventID: string }[]>(`/api/0/issues/${issue?.id}/events/`);
    expect(events).toHaveLength(2);
    const latest = await admin<{ evidence: { offendingSpanIds: string[] } }>(
      `/api/0/issues/${issue?.id}/events/latest/`,
    );
    expect(latest.evidence.offendingSpanIds).toHaveLength(7);

    expect(await admin<Issue[]>(`/api/0/projects/${project.id}/issues/?type=error`)).toEqual([]);
    const typed = await admin<Issue[]>(
      `/api/0/projects/${project.id}/issues/?type=performance_n_plus_one`,
    );
    expect(typed.map((entry) => entry.id)).toEqual([issue?.id]);
  });

  it('makes no issue of the same view with one joined query, or with four queries per row', async () => {
    const project = await createProject('select-related');
    await send(project, djangoTransaction('d'.repeat(32), 0));
    await send(project, djangoTransaction('e'.repeat(32), 4));
    expect(await admin<Issue[]>(`/api/0/projects/${project.id}/issues/`)).toEqual([]);
  });

  it('gives error issues the type error', async () => {
    const project = await createProject('errors-typed');
    const eventId = '9'.repeat(32);
    await sendEnvelope(
      project,
      envelope({ event_id: eventId }, [
        { type: 'event' },
        { event_id: eventId, message: 'boom-n1-typed', level: 'error' },
      ]),
    );
    const [issue] = await admin<Issue[]>(`/api/0/projects/${project.id}/issues/`);
    expect(issue?.type).toBe('error');
  });
});
