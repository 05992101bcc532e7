import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import pythonTransaction from './fixtures/sentry-python-transaction-envelope.json';
import {
  admin,
  call,
  createProject,
  envelope,
  firstIssueAndEvent,
  outcomeCount,
  projectStats,
  sendEnvelope,
  statsWhen,
  updateSettings,
} from './helpers';

interface TransactionSummary {
  eventId: string;
  name: string;
  op: string;
  durationMs: number;
  release: string | null;
  environment: string | null;
  measurements: Record<string, { value: number; unit?: string }>;
  startTimestamp: string;
  timestamp: string;
}

/** The envelope sentry-python 1.9.10 sends for a transaction, with `length` on the item. */
function pythonTransactionEnvelope(): string {
  const payload = JSON.stringify(pythonTransaction.transaction);
  const itemHeader = {
    ...pythonTransaction.itemHeader,
    length: new TextEncoder().encode(payload).length,
  };
  return `${JSON.stringify(pythonTransaction.header)}\n${JSON.stringify(itemHeader)}\n${payload}\n`;
}

const message = (eventId: string, text = 'checkout failed') => ({
  event_id: eventId,
  message: text,
  level: 'error',
});

describe('envelope items', () => {
  it('stores a sentry-python transaction sent gzipped as application/x-sentry-envelope', async () => {
    const project = await createProject();
    const response = await sendEnvelope(project, gzipSync(pythonTransactionEnvelope()), {
      'Content-Type': 'application/x-sentry-envelope',
      'Content-Encoding': 'gzip',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: pythonTransaction.header.event_id });

    const [stored] = await admin<TransactionSummary[]>(
      `/api/0/projects/${project.id}/transactions/`,
    );
    expect(stored).toMatchObject({
      eventId: pythonTransaction.header.event_id,
      name: 'job',
      op: 'task',
      release: 'r1',
      environment: 'prod',
      startTimestamp: '2026-11-21T06:28:46.811Z',
    });
    expect(stored?.durationMs).toBeCloseTo(0.13, 3);
  });

  it('keeps transaction measurements and counts transactions apart from errors', async () => {
    const project = await createProject();
    const transaction = {
      type: 'transaction',
      transaction: '/checkout',
      start_timestamp: 1_700_000_000.0,
      timestamp: 1_700_000_001.25,
      contexts: { trace: { op: 'pageload', trace_id: 'f'.repeat(32), span_id: 'e'.repeat(16) } },
      measurements: { lcp: { value: 1830.5, unit: 'millisecond' }, cls: { value: 0.02 }, bad: 'x' },
    };
    const body = envelope(
      { event_id: '5'.repeat(32) },
      [{ type: 'transaction' }, transaction],
      [{ type: 'event' }, message('6'.repeat(32))],
    );
    expect((await sendEnvelope(project, body)).status).toBe(200);
    const [stored] = await admin<TransactionSummary[]>(
      `/api/0/projects/${project.id}/transactions/`,
    );
    expect(stored).toMatchObject({ name: '/checkout', op: 'pageload', durationMs: 1250 });
    expect(stored?.measurements).toEqual({
      lcp: { value: 1830.5, unit: 'millisecond' },
      cls: { value: 0.02 },
    });
    const stats = await projectStats(project);
    expect(outcomeCount(stats, 'accepted', 'transaction')).toBe(1);
    expect(outcomeCount(stats, 'accepted', 'error')).toBe(1);
  });

  it('counts sessions, spans and unknown items, and client reports, without failing', async () => {
    const project = await createProject();
    const body = envelope(
      {},
      [{ type: 'session' }, { sid: 'a'.repeat(32), status: 'ok', init: true }],
      [{ type: 'sessions' }, { aggregates: [{ started: '2024-01-01T00:00:00Z', exited: 3 }] }],
      [
        { type: 'span', item_count: 3, content_type: 'application/vnd.sentry.items.span.v2+json' },
        { items: [{}, {}, {}] },
      ],
      [{ type: 'a_type_from_the_future' }, 'whatever'],
      [
        { type: 'client_report' },
        {
          timestamp: 1_700_000_000,
          discarded_events: [
            { reason: 'sample_rate', category: 'transaction', quantity: 4 },
            { reason: 'ratelimit_backoff', category: 'error', quantity: 2 },
          ],
        },
      ],
      [{ type: 'client_report' }, '{not json'],
    );
    const response = await sendEnvelope(project, body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: null });

    const stats = await statsWhen(project, (counted) => counted.outcomes.length > 0);
    expect(outcomeCount(stats, 'received', 'session')).toBe(2);
    expect(outcomeCount(stats, 'received', 'span')).toBe(3);
    expect(outcomeCount(stats, 'received', 'a_type_from_the_future')).toBe(1);
    expect(outcomeCount(stats, 'client_discarded', 'transaction', 'sample_rate')).toBe(4);
    expect(outcomeCount(stats, 'client_discarded', 'error', 'ratelimit_backoff')).toBe(2);
    expect(outcomeCount(stats, 'invalid', 'client_report')).toBe(1);
  });

  it('reads envelopes compressed with raw deflate and brotli', async () => {
    const project = await createProject();
    for (const [encoding, compress] of [
      ['deflate', deflateRawSync],
      ['br', brotliCompressSync],
    ] as const) {
      const body = envelope({}, [
        { type: 'event' },
        message(encoding === 'br' ? '7'.repeat(32) : '8'.repeat(32)),
      ]);
      const response = await sendEnvelope(project, compress(body), {
        'Content-Encoding': encoding,
      });
      expect(response.status, encoding).toBe(200);
    }
    const { issue } = await firstIssueAndEvent(project);
    expect(issue.count).toBe(2);
  });

  it('enriches browser events with the country and keeps the IP only when allowed', async () => {
    const project = await createProject();
    const send = (eventId: string) =>
      call(`/api/${project.id}/envelope/?sentry_key=${project.publicKey}`, {
        method: 'POST',
        headers: { 'CF-Connecting-IP': '203.0.113.7' },
        body: envelope({}, [
          { type: 'event' },
          { ...message(eventId), platform: 'javascript', user: { ip_address: '{{auto}}' } },
        ]),
        cf: { country: 'NL' },
      } as RequestInit);
    expect((await send('9'.repeat(32))).status).toBe(200);
    let { event } = await firstIssueAndEvent<{ user: object; tags: object }>(project);
    expect(event.user).toEqual({ geo: { country_code: 'NL' } });
    expect(event.tags).toMatchObject({ 'geo.country_code': 'NL' });

    await updateSettings(project, { storeClientIp: true });
    expect((await send('a'.repeat(32))).status).toBe(200);
    ({ event } = await firstIssueAndEvent<{ user: object; tags: object }>(project));
    expect(event.user).toEqual({ ip_address: '203.0.113.7', geo: { country_code: 'NL' } });
  });

  it('takes {{auto}} only from CF-Connecting-IP, never from headers a client can set', async () => {
    const project = await createProject();
    await updateSettings(project, { storeClientIp: true });
    const send = (
      eventId: string,
      headers: Record<string, string>,
      platform: string,
      auto = true,
    ) =>
      call(`/api/${project.id}/envelope/?sentry_key=${project.publicKey}`, {
        method: 'POST',
        headers,
        body: envelope({}, [
          { type: 'event' },
          {
            ...message(eventId),
            platform,
            user: auto ? { id: 'u1', ip_address: '{{auto}}' } : { id: 'u1' },
          },
        ]),
        cf: { country: 'DE' },
      } as RequestInit);
    const spoofed = { 'X-Forwarded-For': '198.51.100.1', 'X-Real-IP': '198.51.100.2' };
    expect((await send('c'.repeat(32), spoofed, 'javascript', true)).status).toBe(200);
    let event = await admin<{ user: object }>(`/api/0/events/${'c'.repeat(32)}/`);
    expect(event.user).toEqual({ id: 'u1', geo: { country_code: 'DE' } });

    // {{auto}} from an app on the user's device: its address and country.
    const device = { 'CF-Connecting-IP': '203.0.113.9', ...spoofed };
    expect((await send('d'.repeat(32), device, 'cocoa', true)).status).toBe(200);
    event = await admin<{ user: object }>(`/api/0/events/${'d'.repeat(32)}/`);
    expect(event.user).toEqual({
      id: 'u1',
      ip_address: '203.0.113.9',
      geo: { country_code: 'DE' },
    });

    // A server SDK without {{auto}}: neither the server's address nor its country.
    expect((await send('e'.repeat(32), device, 'python', false)).status).toBe(200);
    event = await admin<{ user: object }>(`/api/0/events/${'e'.repeat(32)}/`);
    expect(event.user).toEqual({ id: 'u1' });
  });
});
