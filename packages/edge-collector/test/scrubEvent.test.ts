import { describe, expect, it } from 'vitest';
import { scrubEvent } from '../src/scrub/scrubEvent';
import { pythonEvent } from './fixtures/events/pythonEvent';

/** Every secret planted below; none may survive scrubbing anywhere in the JSON. */
const SECRETS = [
  'hunter2',
  'jane.doe@example.com',
  '4111 1111 1111 1111',
  '4111111111111111',
  '5500-0000-0000-0004',
  'DE89 3704 0044 0532 0130 00',
  '078-05-1120',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl',
  'mF_9.B5f-4.1JqM',
  'AKIAIOSFODNN7EXAMPLE',
  'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  'xoxb-123456789012-abcdefABCDEF',
  'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY',
  'MIIEowIBAAKCAQEA',
  's3cr3tpass',
  'q-token-123',
  'sessid-abc',
  'csrf-xyz',
  '203.0.113.7',
  '2001:db8:85a3::8a2e:370:7334',
  'cookie-value-1',
  'tag-session-1',
  'ctx-secret-1',
];

/** An event hiding the secrets above in every field an event can carry them in. */
function eventWithSecrets(): Record<string, unknown> {
  return {
    event_id: 'a'.repeat(32),
    message: 'login failed for jane.doe@example.com from 203.0.113.7 with password=hunter2',
    transaction: '/users/jane.doe@example.com/orders',
    exception: {
      values: [
        {
          type: 'PaymentError',
          value:
            'card 4111 1111 1111 1111 declined (ssn 078-05-1120, iban DE89 3704 0044 0532 0130 00)',
          stacktrace: {
            frames: [
              {
                function: 'charge',
                filename: 'https://shop.example.com/app.js?token=q-token-123',
                vars: {
                  password: 's3cr3tpass',
                  card: '5500-0000-0000-0004',
                  note: 'key AKIAIOSFODNN7EXAMPLE and ghp_16C7e42F292c6912E7710c838347Ae178B4a',
                  stripe: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
                  pem: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
                },
              },
            ],
          },
        },
      ],
    },
    breadcrumbs: {
      values: [
        { message: 'slack xoxb-123456789012-abcdefABCDEF posted', category: 'log' },
        {
          category: 'fetch',
          data: {
            url: 'https://api.example.com/me?api_key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY',
          },
        },
        { category: 'xhr', data: { Authorization: 'Bearer mF_9.B5f-4.1JqM' } },
      ],
    },
    request: {
      url: 'https://admin:hunter2@shop.example.com/login?token=q-token-123&page=2',
      query_string: 'token=q-token-123&page=2',
      headers: [
        ['Authorization', 'Bearer mF_9.B5f-4.1JqM'],
        ['Cookie', 'sessionid=sessid-abc; csrftoken=csrf-xyz'],
        ['Set-Cookie', 'other=cookie-value-1'],
        ['X-Real-IP', '2001:db8:85a3::8a2e:370:7334'],
      ],
      cookies: 'sessionid=sessid-abc',
      data: '{"username": "jane", "password": "hunter2"}',
      env: { REMOTE_ADDR: '203.0.113.7' },
    },
    user: { id: 'u1', email: 'jane.doe@example.com', ip_address: '203.0.113.7' },
    extra: { jwt_seen: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl' },
    contexts: { vault: { secret: 'ctx-secret-1' }, app: { card: 4111111111111111 } },
    tags: [['session_id', 'tag-session-1']],
  };
}

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value);
  return SECRETS.filter((secret) => text.includes(secret));
}

describe('scrubEvent', () => {
  it('leaves no planted secret in any field of an event', () => {
    const event = eventWithSecrets();
    expect(leaks(event).length).toBe(SECRETS.length);
    expect(leaks(scrubEvent(event))).toEqual([]);
  });

  it('masks values under sensitive keys and typed PII inside strings', () => {
    const scrubbed = scrubEvent(eventWithSecrets()) as ReturnType<typeof eventWithSecrets> & {
      message: string;
      request: { url: string; headers: [string, string][] };
    };
    expect(scrubbed.message).toBe('login failed for [email] from [ip] with password=[Filtered]');
    expect(scrubbed.request.url).toBe(
      'https://[Filtered]@shop.example.com/login?token=[Filtered]&page=2',
    );
    expect(scrubbed.request.headers[0]).toEqual(['Authorization', '[Filtered]']);
    expect(scrubbed.transaction).toBe('/users/[email]/orders');
  });

  it('scrubs a transaction with raw request data and spans like an event', () => {
    const transaction = {
      type: 'transaction',
      transaction: '/login',
      request: { data: { username: 'jane', password: 'hunter2' } },
      spans: [
        { op: 'db', description: "SELECT * FROM users WHERE email = 'jane.doe@example.com'" },
        { op: 'http.client', data: { 'http.request.header.cookie': 'sessionid=sessid-abc' } },
      ],
    };
    expect(leaks(scrubEvent(transaction))).toEqual([]);
  });

  it('keeps the user id, ids, versions, timestamps and user agents intact', () => {
    const event = {
      event_id: 'ab'.repeat(16),
      release: 'shop@10.1.2.3',
      user: { id: 'jane.doe@example.com' },
      contexts: {
        browser: { name: 'Chrome', version: '120.0.0.0' },
        trace: { span_id: 'c'.repeat(16) },
      },
      request: { headers: { 'User-Agent': 'Mozilla/5.0 Chrome/120.0.0.0 Safari/537.36' } },
      extra: {
        at: 1_763_700_000_123,
        order: 'order 1234567890123 of 2026-11-21',
        scope: '@sentry/browser',
      },
    };
    expect(scrubEvent(event)).toEqual(event);
  });

  it('applies a project’s extra sensitive fields and safe fields', () => {
    const event = {
      user: { id: '42', email: 'jane.doe@example.com' },
      extra: { customer: 'Jane', order_email: 'jane.doe@example.com', cardholder: 'Jane Doe' },
    };
    const scrubbed = scrubEvent(event, {
      sensitiveFields: ['cardholder', 'extra.customer', 'id'],
      safeFields: ['extra.order_email'],
    });
    expect(scrubbed).toEqual({
      user: { id: '[Filtered]', email: '[email]' },
      extra: {
        customer: '[Filtered]',
        order_email: 'jane.doe@example.com',
        cardholder: '[Filtered]',
      },
    });
  });

  it('keeps IP addresses when the project turns IP scrubbing off', () => {
    const event = { user: { ip_address: '203.0.113.7' }, message: 'from 203.0.113.7' };
    expect(scrubEvent(event, { scrubIpAddresses: false })).toEqual(event);
    expect(scrubEvent(event)).toEqual({ user: {}, message: 'from [ip]' });
  });

  it('hashes instead of masking when asked, the same value to the same hash', () => {
    const event = { a: 'mail jane.doe@example.com', b: 'cc jane.doe@example.com', password: 'x' };
    const first = scrubEvent(event, { hashScrubbedValues: true, salt: 'pepper' });
    expect(first.a).toMatch(/^mail \[email:[0-9a-f]{16}\]$/);
    expect(first.a.slice(5)).toBe(first.b.slice(3));
    expect(first.password).toMatch(/^\[Filtered:[0-9a-f]{16}\]$/);
    const otherSalt = scrubEvent(event, { hashScrubbedValues: true, salt: 'salt' });
    expect(otherSalt.a).not.toBe(first.a);
  });

  it('cleans a realistic sentry-python event: frame vars, request, cookies and user', () => {
    const scrubbed = scrubEvent(pythonEvent('f'.repeat(32)));
    const text = JSON.stringify(scrubbed);
    for (const secret of [
      'hunter2',
      '4111',
      'sk_live_',
      'jane.doe@example.com',
      '203.0.113.7',
      'sessionid=abc',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('"module":"shop.gateway"');
  });
});
