import { describe, expect, it } from 'vitest';
import { scrubEvent } from '../src/scrub/scrubEvent';
import { eventWithSecrets, SECRETS } from './fixtures/events/eventWithSecrets';
import { pythonEvent } from './fixtures/events/pythonEvent';

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

  it('keeps the IP of a server in a URL and loopback addresses', () => {
    const event = {
      request: { url: 'http://203.0.113.5:8080/checkout' },
      message: 'proxy http://[2001:db8::5]/x said 127.0.0.1 is down',
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

  it('masks card numbers only when they pass Luhn and start like a card network’s', () => {
    const scrubbed = scrubEvent({
      visa: 'card 4111 1111 1111 1111 declined',
      amex: 'amex 3782 822463 10005',
      typo: 'card 4111 1111 1111 1112 declined',
      order: 'order 1234567890123452',
    });
    expect(scrubbed).toEqual({
      visa: 'card [creditcard] declined',
      amex: 'amex [creditcard]',
      typo: 'card 4111 1111 1111 1112 declined',
      order: 'order 1234567890123452',
    });
  });

  it('masks credentials after Bearer, Basic and Token, but not prose', () => {
    const scrubbed = scrubEvent({
      first: 'Authorization: Basic dXNlcjpwYXNzd29yZA==',
      second: 'Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b',
      third: 'Basic authentication required: invalid token provided',
    });
    expect(scrubbed).toEqual({
      first: 'Authorization: Basic [Filtered]',
      second: 'Authorization: Token [Filtered]',
      third: 'Basic authentication required: invalid token provided',
    });
  });

  it('masks secrets in a Python repr and IP addresses in URL paths', () => {
    const scrubbed = scrubEvent({
      repr: "{'password': 'hunter2', 'user': 'jane'}",
      path: 'GET /users/203.0.113.5/profile',
    });
    expect(scrubbed).toEqual({
      repr: "{'password': '[Filtered]', 'user': 'jane'}",
      path: 'GET /users/[ip]/profile',
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
    expect(text).toContain('"module":"shop.payments"');
  });
});
