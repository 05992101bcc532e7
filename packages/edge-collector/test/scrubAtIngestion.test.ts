import { env } from 'cloudflare:test';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { eventWithSecrets, SECRETS } from './fixtures/events/eventWithSecrets';
import { pythonEvent } from './fixtures/events/pythonEvent';
import {
  admin,
  type CreatedProject,
  call,
  createProject,
  envelope,
  sendEnvelope,
  updateSettings,
} from './helpers';
import { newEventId, onlyIssue, sendEvent } from './issueHelpers';

/** The secrets examples/django's /pay/ form, code and request carry (django-store-event.json). */
const DJANGO_SECRETS = [
  'hunter2',
  'jane.doe@example.com',
  '4111 1111 1111 1111',
  'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  'AKIAIOSFODNN7EXAMPLE',
  'XXXXXXXXXXXXXXXXXXXXXXXX',
  'MIIEowIBAAKCAQEA7bq2',
  'eyJhbGciOiJIUzI1NiJ9',
  'DE89 3704 0044 0532 0130 00',
  '078-05-1120',
  '203.0.113.7',
  'abcdef0123456789',
  '0123456789abcdef',
  'a1b2c3d4e5',
];

/**
 * The CVC (737) is too short to search for anywhere: those digits turn up by chance in
 * timestamps and ids. It is looked for where the event carried it: every `cvc` value
 * (frame vars, form data) and every `cvc=` in a form body or query string.
 */
function cvcValues(stored: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'cvc') found.push(value);
      for (const match of value.matchAll(/cvc=([^&'"\s]*)/g)) found.push(match[1] ?? '');
    } else if (value && typeof value === 'object') {
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
    }
  };
  visit(stored, '');
  return found;
}

/** Everything stored about an event: the event as the API returns it, and its issue with tag values. */
async function storedText(project: CreatedProject, eventId: string): Promise<string> {
  const event = await admin(`/api/0/events/${eventId}/`);
  const issue = await onlyIssue(project);
  const details = await admin(`/api/0/issues/${issue.id}/`);
  const row = await env.DB.prepare('SELECT title, culprit FROM issues WHERE id = ?')
    .bind(Number(issue.id))
    .first();
  return JSON.stringify([event, details, row]);
}

function leaked(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret));
}

describe('scrubbing at ingestion', () => {
  it('stores an event that hides secrets in every field without any of them', async () => {
    const project = await createProject();
    const event = { ...eventWithSecrets(), event_id: newEventId(), platform: 'javascript' };
    await sendEvent(project, event);
    const text = await storedText(project, event.event_id);
    expect(leaked(text, SECRETS)).toEqual([]);
    expect(text).toContain('PaymentError: card [creditcard] declined');
  });

  it('stores the real Django event without a secret from its vars, request, breadcrumbs or user', async () => {
    const project = await createProject();
    const event = pythonEvent(newEventId());
    expect(leaked(JSON.stringify(event), DJANGO_SECRETS)).toEqual(DJANGO_SECRETS);
    const response = await call(`/api/${project.id}/store/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'X-Sentry-Auth': `Sentry sentry_key=${project.publicKey}, sentry_version=7, sentry_client=sentry.python/1.9.10`,
      },
      body: gzipSync(JSON.stringify(event)),
    });
    expect(response.status).toBe(200);
    const text = await storedText(project, event.event_id as string);
    expect(leaked(text, DJANGO_SECRETS)).toEqual([]);
    const sentCvcs = cvcValues(event);
    expect(sentCvcs.length).toBeGreaterThan(3);
    expect(sentCvcs.every((value) => value.includes('737'))).toBe(true);
    const storedCvcs = cvcValues(JSON.parse(text));
    expect(storedCvcs.length).toBeGreaterThan(0);
    expect(storedCvcs.filter((value) => value.includes('737'))).toEqual([]);
    const issue = await onlyIssue(project);
    expect(issue).toMatchObject({
      title: 'GatewayError: card declined for order 50023 (gateway ref 7f3a9c1e44b2)',
      culprit: 'authorize(shop.payments)',
      userCount: 1,
    });
  });

  it('counts users by a hash of their id when the project scrubs user ids', async () => {
    const project = await createProject();
    await updateSettings(project, { sensitiveFields: ['id'] });
    const event = () => ({ ...pythonEvent(newEventId()), user: { id: 'jane-4711' } });
    await sendEvent(project, event());
    await sendEvent(project, event());
    const issue = await onlyIssue(project);
    expect(issue.userCount).toBe(1);
    const text = await storedText(
      project,
      (await admin<{ eventID: string }[]>(`/api/0/issues/${issue.id}/events/`))[0]?.eventID ?? '',
    );
    expect(text).not.toContain('jane-4711');
    expect(text).toMatch(/"id:[0-9a-f]{16}"/);
  });

  it('stores a transaction without the password in its raw request data', async () => {
    const project = await createProject();
    const eventId = '7'.repeat(32);
    const transaction = {
      type: 'transaction',
      transaction: '/users/jane.doe@example.com/login',
      start_timestamp: 1_700_000_000,
      timestamp: 1_700_000_001,
      contexts: { trace: { op: 'http.server', trace_id: 'f'.repeat(32), span_id: 'e'.repeat(16) } },
      request: { url: 'https://shop.test/login', data: { username: 'jane', password: 'hunter2' } },
      spans: [
        { op: 'db', description: "SELECT 1 FROM users WHERE email = 'jane.doe@example.com'" },
      ],
    };
    const body = envelope({ event_id: eventId }, [{ type: 'transaction' }, transaction]);
    expect((await sendEnvelope(project, body)).status).toBe(200);
    const [listed] = await admin<{ name: string }[]>(`/api/0/projects/${project.id}/transactions/`);
    expect(listed?.name).toBe('/users/[email]/login');
    const row = await env.DB.prepare('SELECT payload FROM transactions WHERE event_id = ?')
      .bind(eventId)
      .first<{ payload: string }>();
    expect(row?.payload).toContain('"password":"[Filtered]"');
    expect(row?.payload).not.toMatch(/hunter2|jane\.doe@example\.com/);
  });
});
