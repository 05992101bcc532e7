import { beforeEach, describe, expect, it } from 'vitest';
import type { Options } from '../../src/core/options';
import { propagatesTo, traceHeaders } from '../../src/perf/traceHeaders';
import { configureTransactions } from '../../src/perf/transactions';

const TRACE = '0123456789abcdef0123456789abcdef';
const SPAN = '89abcdef01234567';

const configure = (options: Options) =>
  configureTransactions(
    options,
    () => {},
    () => {},
  );

describe('trace propagation', () => {
  beforeEach(() => configure({ dsn: 'https://abc123@errors.example.com/4' }));

  it('sends the trace headers to the page origin only by default', () => {
    expect(propagatesTo(`${location.origin}/api/orders/1`)).toBe(true);
    expect(propagatesTo(`${location.origin}/`)).toBe(true);
    expect(propagatesTo('https://api.other.example/orders')).toBe(false);
    // The page's origin as a prefix of another host's name is another origin.
    expect(propagatesTo(`${location.origin}.evil.example/`)).toBe(false);
  });

  it('matches targets against the full URL, strings anywhere and RegExps tested', () => {
    configure({
      dsn: 'https://abc123@errors.example.com/4',
      tracePropagationTargets: ['api.shop.example', /^https:\/\/backend\./],
    });
    expect(propagatesTo('https://api.shop.example/v1')).toBe(true);
    expect(propagatesTo('https://backend.example/v1')).toBe(true);
    expect(propagatesTo(`${location.origin}/same-origin`)).toBe(false);
  });

  it('writes sentry-trace as trace-span-sampled and the sampling context as baggage', () => {
    configure({
      dsn: 'https://abc123@errors.example.com/4',
      tracesSampleRate: 0.25,
      release: 'shop@1.4.2',
      environment: 'prod eu',
    });
    const headers = traceHeaders(TRACE, SPAN);
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
    configure({ dsn: 'https://k@h/1', tracesSampleRate: 1 });
    expect(traceHeaders(TRACE, SPAN).baggage).not.toMatch(/release|environment/);
  });
});
