// Real inputs the fuzzer mutates: fixtures captured from real clients where the repo has
// them (Chrome/Firefox/Safari stacks, sentry-python store events and a transaction
// envelope), and the wire shapes ../shared CLIENTS.md records for the rest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../localCollector.mjs';

const fixtures = join(repoRoot, 'packages/edge-collector/test/fixtures');
const readJson = (path) => JSON.parse(readFileSync(join(fixtures, path), 'utf8'));

const stacks = ['chrome', 'firefox', 'safari', 'chrome-async', 'firefox-async', 'safari-async'].map(
  (name) => readJson(`stacks/${name}.json`),
);
const pythonStoreEvent = readJson('sentry-python-store-event.json');
const djangoStoreEvent = readJson('events/django-store-event.json');
const pythonTransaction = readJson('sentry-python-transaction-envelope.json');

const EVENT_ID = 'fa0171e0fa0171e0fa0171e0fa0171e0';
const SENT_AT = '2026-12-04T10:00:00.000Z';
const BROWSER_UA = stacks[0].userAgent;

/** The Faultline SDK's envelope: one event with the raw `error.stack` (see PROTOCOL.md). */
function faultlineBrowserEnvelope(stack) {
  const event = {
    event_id: EVENT_ID,
    timestamp: 1_764_842_400.123,
    platform: 'javascript',
    level: 'error',
    release: 'shop@4.2.0',
    environment: 'production',
    sdk: { name: 'faultline.browser', version: '0.1.0' },
    request: { url: 'http://shop.test/cart?step=2', headers: { 'User-Agent': stack.userAgent } },
    user: { id: 'u-42', ip_address: '{{auto}}' },
    tags: { page: 'cart' },
    breadcrumbs: {
      values: [{ category: 'ui.click', message: 'button#pay', timestamp: 1_764_842_399 }],
    },
    exception: { values: [{ type: stack.name, value: stack.message, raw_stack: stack.stack }] },
  };
  return { header: { event_id: EVENT_ID, sent_at: SENT_AT }, items: [[{ type: 'event' }, event]] };
}

/** @sentry/browser 11: frames oldest first, a trace header, a session alongside. */
function sentryBrowserEnvelope() {
  const frame = (fn, line) => ({
    filename: 'http://shop.test/static/app.js',
    function: fn,
    lineno: line,
    colno: 7,
    in_app: true,
  });
  const event = {
    event_id: EVENT_ID,
    timestamp: 1_764_842_400.5,
    platform: 'javascript',
    level: 'error',
    sdk: { name: 'sentry.javascript.browser', version: '11.12.0', integrations: ['Dedupe'] },
    request: { url: 'http://shop.test/', headers: { 'User-Agent': BROWSER_UA } },
    contexts: { trace: { trace_id: 'a'.repeat(32), span_id: 'b'.repeat(16) } },
    exception: {
      values: [
        {
          type: 'TypeError',
          value: "Cannot read properties of undefined (reading 'price')",
          mechanism: { type: 'onerror', handled: false },
          stacktrace: { frames: [frame('?', 30), frame('checkout', 16), frame('Cart.total', 10)] },
        },
      ],
    },
  };
  const header = {
    event_id: EVENT_ID,
    sent_at: SENT_AT,
    sdk: { name: 'sentry.javascript.browser', version: '11.12.0' },
    trace: { trace_id: 'a'.repeat(32), public_key: '{key}', environment: 'production' },
  };
  const session = { sid: 'c'.repeat(32), init: true, started: SENT_AT, status: 'ok', errors: 1 };
  return {
    header,
    items: [
      [{ type: 'event' }, event],
      [{ type: 'session' }, session],
    ],
  };
}

const envelopeSeed = (name, envelope, extra = {}) => ({
  name,
  endpoint: 'envelope',
  contentType: 'text/plain;charset=UTF-8',
  auth: 'query',
  envelope,
  ...extra,
});
const pythonAuth = {
  auth: 'header',
  contentType: 'application/x-sentry-envelope',
  encoding: 'gzip',
};

/** Every seed: where it goes, how it is labelled and authenticated, and its content. */
export const SEEDS = [
  ...stacks.map((stack) =>
    envelopeSeed(`browser envelope (${stack.browser})`, faultlineBrowserEnvelope(stack)),
  ),
  envelopeSeed('@sentry/browser envelope', sentryBrowserEnvelope()),
  {
    name: 'sentry-python store event',
    endpoint: 'store',
    contentType: 'application/json',
    auth: 'header',
    encoding: 'gzip',
    json: pythonStoreEvent,
  },
  {
    name: 'django store event',
    endpoint: 'store',
    contentType: 'application/json',
    auth: 'header',
    encoding: 'gzip',
    json: djangoStoreEvent,
  },
  envelopeSeed(
    'sentry-python transaction envelope',
    {
      header: pythonTransaction.header,
      items: [[{ ...pythonTransaction.itemHeader, length: 'auto' }, pythonTransaction.transaction]],
    },
    pythonAuth,
  ),
  envelopeSeed(
    'sessions and client report',
    {
      header: {},
      items: [
        [
          { type: 'sessions', length: 'auto' },
          {
            aggregates: [{ started: '2026-12-04T10:00:00Z', exited: 3, errored: 1 }],
            attrs: { release: 'r1' },
          },
        ],
        [
          { type: 'client_report', length: 'auto' },
          {
            timestamp: 1_764_842_400,
            discarded_events: [{ reason: 'sample_rate', category: 'transaction', quantity: 4 }],
          },
        ],
      ],
    },
    pythonAuth,
  ),
  envelopeSeed('event with attachment', {
    header: { event_id: EVENT_ID },
    items: [
      [{ type: 'event' }, { event_id: EVENT_ID, message: 'upload failed', level: 'warning' }],
      [
        { type: 'attachment', length: 'auto', filename: 'log.txt', content_type: 'text/plain' },
        'line 1: starting\nline 2: \u00e9chec\n',
      ],
    ],
  }),
  envelopeSeed('span v2 item', {
    header: { sent_at: SENT_AT, trace: { trace_id: 'd'.repeat(32), public_key: '{key}' } },
    items: [
      [
        { type: 'span', item_count: 2, content_type: 'application/vnd.sentry.items.span.v2+json' },
        {
          items: [
            {
              trace_id: 'd'.repeat(32),
              span_id: 'e'.repeat(16),
              name: 'GET /cart',
              start_timestamp: 1,
              end_timestamp: 2,
              attributes: { 'sentry.op': { type: 'string', value: 'http.client' } },
            },
            {
              trace_id: 'd'.repeat(32),
              span_id: 'f'.repeat(16),
              name: 'render',
              start_timestamp: 1.2,
              end_timestamp: 1.9,
            },
          ],
        },
      ],
    ],
  }),
  {
    name: 'CSP report (report-uri)',
    endpoint: 'security',
    contentType: 'application/csp-report',
    auth: 'query',
    json: {
      'csp-report': {
        'document-uri': 'https://shop.test/checkout',
        'blocked-uri': 'https://evil.test/x.js',
        'effective-directive': 'script-src-elem',
        'violated-directive': 'script-src-elem',
        'original-policy': "script-src 'self'",
        disposition: 'enforce',
        'status-code': 200,
        'line-number': 3,
      },
    },
  },
  {
    name: 'CSP reports (report-to)',
    endpoint: 'security',
    contentType: 'application/reports+json',
    auth: 'query',
    json: [
      {
        type: 'csp-violation',
        age: 10,
        url: 'https://shop.test/',
        user_agent: BROWSER_UA,
        body: {
          documentURL: 'https://shop.test/',
          blockedURL: 'inline',
          effectiveDirective: 'style-src-attr',
          disposition: 'report',
          statusCode: 200,
        },
      },
    ],
  },
];
