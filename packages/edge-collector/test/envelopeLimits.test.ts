import { describe, expect, it } from 'vitest';
import { admin, type CreatedProject, call, createProject, envelope, sendEnvelope } from './helpers';
import { newEventId } from './issueHelpers';

interface Issue {
  count: number;
}

/** The reason of a refused request, checked to be the same in the body and `X-Sentry-Error`. */
async function reasonOf(response: Response): Promise<string> {
  const { detail } = (await response.json()) as { detail: string };
  expect(response.headers.get('X-Sentry-Error')).toBe(detail);
  return detail;
}

async function storedEventCount(project: CreatedProject): Promise<number> {
  const issues = await admin<Issue[]>(`/api/0/projects/${project.id}/issues/`);
  return issues.reduce((sum, issue) => sum + issue.count, 0);
}

function errorEvent() {
  return { event_id: newEventId(), exception: { values: [{ type: 'E', value: 'limits' }] } };
}

/** `{"type":"event"}` + `{}` on alternate lines, `count` times (about 20 bytes an item). */
function tinyEventItems(count: number): string {
  return `{}\n${'{"type":"event"}\n{}\n'.repeat(count)}`;
}

describe('envelope limits', () => {
  it('refuses 10,000 tiny event items while the requests sent alongside are answered and stored', async () => {
    const project = await createProject();
    const normal = Array.from({ length: 5 }, errorEvent);
    const [hostile, ...answers] = await Promise.all([
      sendEnvelope(project, tinyEventItems(10_000)),
      ...normal.map((event) =>
        sendEnvelope(project, envelope({ event_id: event.event_id }, [{ type: 'event' }, event])),
      ),
    ]);
    expect(hostile?.status).toBe(413);
    expect(await reasonOf(hostile as Response)).toBe('envelope holds more than 100 items');
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await storedEventCount(project)).toBe(5);
  });

  it('refuses two event items in one envelope and stores neither', async () => {
    const project = await createProject();
    const body = envelope({}, [{ type: 'event' }, errorEvent()], [{ type: 'event' }, errorEvent()]);
    const response = await sendEnvelope(project, body);
    expect(response.status).toBe(400);
    expect(await reasonOf(response)).toContain('more than one event-like item');
    expect(await storedEventCount(project)).toBe(0);
  });

  it('refuses an event and a transaction in one envelope', async () => {
    const project = await createProject();
    const transaction = { transaction: '/cart', start_timestamp: 1, timestamp: 2 };
    const body = envelope(
      {},
      [{ type: 'event' }, errorEvent()],
      [{ type: 'transaction' }, transaction],
    );
    const response = await sendEnvelope(project, body);
    expect(response.status).toBe(400);
    expect(await reasonOf(response)).toContain('more than one event-like item');
  });

  it('accepts an event with 99 sessions, the most items an envelope may hold', async () => {
    const project = await createProject();
    const session = { sid: 'a'.repeat(32), status: 'ok', started: '2026-12-04T10:00:00Z' };
    const sessions = Array.from({ length: 99 }, (): [object, unknown] => [
      { type: 'session' },
      session,
    ]);
    const response = await sendEnvelope(
      project,
      envelope({}, [{ type: 'event' }, errorEvent()], ...sessions),
    );
    expect(response.status).toBe(200);
    expect(await storedEventCount(project)).toBe(1);
  });

  it('refuses a check-in over 100 KiB and a span item claiming a million spans', async () => {
    const project = await createProject();
    const checkIn = envelope({}, [
      { type: 'check_in' },
      { status: 'ok', note: 'x'.repeat(110_000) },
    ]);
    const bigCheckIn = await sendEnvelope(project, checkIn);
    expect(bigCheckIn.status).toBe(413);
    expect(await reasonOf(bigCheckIn)).toBe('item 0 is over 102400 bytes (check_in)');

    const spans = envelope({}, [{ type: 'span', item_count: 1_000_000 }, { items: [] }]);
    const manySpans = await sendEnvelope(project, spans);
    expect(manySpans.status).toBe(413);
    expect(await reasonOf(manySpans)).toContain('item_count over 1000');
  });

  it('refuses a security request carrying more than 20 reports', async () => {
    const project = await createProject();
    const report = {
      type: 'csp-violation',
      body: { documentURL: 'https://shop.test/', blockedURL: 'inline' },
    };
    const response = await call(`/api/${project.id}/security/?sentry_key=${project.publicKey}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/reports+json' },
      body: JSON.stringify(Array.from({ length: 21 }, () => report)),
    });
    expect(response.status).toBe(413);
    expect(await reasonOf(response)).toBe('more than 20 reports in one request');
    expect(await storedEventCount(project)).toBe(0);
  });
});
