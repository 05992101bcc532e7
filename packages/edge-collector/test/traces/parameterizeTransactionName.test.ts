import { describe, expect, it } from 'vitest';
import { parameterizeTransactionName } from '../../src/traces/parameterizeTransactionName';

// What Relay's `scrub_identifiers` makes of URL transaction names.
const URL_NAMES: [string, string][] = [
  ['/orders/17', '/orders/*'],
  ['/orders/42/items', '/orders/*/items'],
  ['/orders/7', '/orders/7'],
  ['/api/v2/users', '/api/v2/users'],
  ['/users/5f0c9a7e-0b1e-4c5a-9d2f-3a4b5c6d7e8f/edit', '/users/*/edit'],
  ['/users/{5F0C9A7E-0B1E-4C5A-9D2F-3A4B5C6D7E8F}', '/users/*'],
  ['/assets/d41d8cd98f00b204e9800998ecf8427e', '/assets/*'],
  ['/commits/da39a3ee5e6b4b0d3255bfef95601890afd80709/files', '/commits/*/files'],
  ['/static/main.8f3a21.js', '/static/*'],
  ['/blocks/0x1f2e', '/blocks/*'],
  ['/reports/2024-01-15T10:00:00Z', '/reports/*'],
  ['/reports/2024-01-15T10:00:00.123+02:00/pdf', '/reports/*/pdf'],
  ['/a/12/b/345', '/a/*/b/*'],
  ['/search/page%2012', '/search/*'],
  ['/checkout', '/checkout'],
  ['/', '/'],
];

describe('parameterizeTransactionName', () => {
  it.each(URL_NAMES)('turns the URL name %s into %s, as Sentry does', (name, expected) => {
    expect(parameterizeTransactionName({ name, source: 'url' })).toEqual({
      name: expected,
      source: 'sanitized',
    });
  });

  it('keeps a name that would become only a placeholder', () => {
    expect(parameterizeTransactionName({ name: '12345', source: 'url' }).name).toBe('12345');
  });

  it.each(['route', 'custom', 'component', 'view', 'task'])(
    'keeps a name the client set with source %s',
    (source) => {
      expect(parameterizeTransactionName({ name: '/orders/{order_id}/17', source })).toEqual({
        name: '/orders/{order_id}/17',
        source,
      });
    },
  );

  it('treats a sourceless name with a slash as a URL, as Relay does for old SDKs', () => {
    expect(parameterizeTransactionName({ name: '/orders/17', source: '' })).toEqual({
      name: '/orders/*',
      source: 'sanitized',
    });
    expect(parameterizeTransactionName({ name: 'checkout 17', source: '' })).toEqual({
      name: 'checkout 17',
      source: 'unknown',
    });
  });
});
