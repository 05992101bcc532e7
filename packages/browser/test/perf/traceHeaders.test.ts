import { describe, expect, it } from 'vitest';
import { randomHex } from '../../src/perf/randomHex';
import { propagatesTo, traceHeaders } from '../../src/perf/traceHeaders';

const TRACE = '0123456789abcdef0123456789abcdef';
const SPAN = '89abcdef01234567';

describe('trace propagation', () => {
  it('sends the trace headers to the page origin only by default', () => {
    expect(propagatesTo('/api/orders/1')).toBe(true);
    expect(propagatesTo(`${location.origin}/api`)).toBe(true);
    expect(propagatesTo('https://api.other.example/orders')).toBe(false);
  });

  it('matches targets against the full URL, strings anywhere and RegExps tested', () => {
    const targets = ['api.shop.example', /^https:\/\/backend\./];
    expect(propagatesTo('https://api.shop.example/v1', targets)).toBe(true);
    expect(propagatesTo('https://backend.example/v1', targets)).toBe(true);
    expect(propagatesTo('/same-origin', targets)).toBe(false);
  });

  it('writes sentry-trace as trace-span-sampled and the sampling context as baggage', () => {
    const headers = traceHeaders(
      {
        dsn: 'https://abc123@errors.example.com/4',
        tracesSampleRate: 0.25,
        release: 'shop@1.4.2',
        environment: 'prod eu',
      },
      TRACE,
      SPAN,
    );
    expect(headers['sentry-trace']).toBe(`${TRACE}-${SPAN}-1`);
    expect(headers.baggage.split(',')).toEqual([
      `sentry-trace_id=${TRACE}`,
      'sentry-public_key=abc123',
      'sentry-sample_rate=0.25',
      'sentry-sampled=true',
      'sentry-release=shop%401.4.2',
      'sentry-environment=prod%20eu',
    ]);
  });

  it('leaves release and environment out of the baggage when they are not set', () => {
    const { baggage } = traceHeaders({ dsn: 'https://k@h/1', tracesSampleRate: 1 }, TRACE, SPAN);
    expect(baggage).not.toMatch(/release|environment/);
  });
});

describe('randomHex', () => {
  it('gives trace ids of 32 and span ids of 16 lowercase hex digits', () => {
    expect(randomHex(16)).toMatch(/^[0-9a-f]{32}$/);
    expect(randomHex(8)).toMatch(/^[0-9a-f]{16}$/);
  });
});
