import { env } from 'cloudflare:test';
import PostalMime, { type Email } from 'postal-mime';
import { describe, expect, it } from 'vitest';
import type { AlertPayload } from '../src/alerts/AlertPayload';
import { attemptDelivery, type DeliveryOptions } from '../src/alerts/attemptDelivery';
import { buildAlertEmail } from '../src/alerts/buildAlertEmail';
import { buildAlertPayload } from '../src/alerts/buildAlertPayload';
import { formatEmail } from '../src/alerts/formats/formatEmail';
import { parseEmailDestination } from '../src/alerts/parseEmailDestination';
import type { DeliveryJob } from '../src/store/outbox';
import { alertPayload, deliveryJob } from './alertFixtures';
import { ADMIN_TOKEN, admin, call, createProject } from './helpers';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 5);
const ISSUE = deliveryJob('').issue;
const FROM = 'alerts@faultline.test';
const PUBLIC_URL = 'https://errors.example.com';

/** An alert job to an e-mail destination; `overrides` change the alert. */
function emailJob(alert: Partial<DeliveryJob['alert']> = {}, rest: Partial<DeliveryJob> = {}) {
  const job = deliveryJob('mailto:ops@example.com', rest);
  return {
    ...job,
    alert: { ...job.alert, ...alert },
    webhook: { ...job.webhook, format: 'email' as const },
  };
}

function options(binding: SendEmail | undefined): DeliveryOptions {
  return {
    mode: 'production',
    publicUrl: PUBLIC_URL,
    retryBaseMs: 30_000,
    now: NOW,
    email: { binding, from: FROM },
  };
}

const performanceJob = emailJob(
  {
    trigger: 'performance_regression',
    eventId: null,
    ruleTriggers: '[{"type":"performance_regression","metric":"p75(lcp)"}]',
    details: JSON.stringify({
      transaction: '/checkout',
      figures: {
        metric: 'p75(lcp)',
        value: 3120.5,
        baseline: 2400,
        changePercent: 30.02,
        count: 180,
        baselineCount: 240,
      },
    }),
  },
  { issue: null, event: null },
);

const errorRateJob = emailJob(
  {
    trigger: 'error_rate',
    eventId: null,
    ruleTriggers: '[{"type":"error_rate","threshold":5}]',
    details: JSON.stringify({
      figures: {
        metric: 'error_rate',
        value: 12.5,
        baseline: 5,
        changePercent: null,
        count: 80,
        baselineCount: null,
        errors: 10,
      },
    }),
  },
  { issue: null, event: null },
);

/** One alert per trigger, with what its e-mail must say besides the summary line. */
const TRIGGERS: [string, DeliveryJob, string[]][] = [
  ['new_issue', emailJob(), ['TypeError: x is undefined', 'checkout(app.js)']],
  ['regression', emailJob({ trigger: 'regression' }), ['Regression in shop']],
  [
    'event_frequency',
    emailJob({
      trigger: 'event_frequency',
      observed: 120,
      ruleTriggers: '[{"type":"event_frequency","threshold":100,"windowMinutes":60}]',
    }),
    ['Counted: 120 in 60 min (threshold 100)'],
  ],
  [
    'N+1 query',
    emailJob({}, { issue: ISSUE && { ...ISSUE, title: 'N+1 Query', culprit: '/books/' } }),
    ['N+1 Query', '/books/'],
  ],
  [
    'performance_regression',
    performanceJob,
    [
      'Transaction: /checkout',
      'Metric: p75(lcp)',
      'Value: 3120.5',
      'Baseline: 2400',
      'Change: +30.02 %',
      'Count: 180',
      'Baseline count: 240',
    ],
  ],
  ['error_rate', errorRateJob, ['Value: 12.5 %', 'Threshold: 5 %', 'Count: 80']],
];

async function parse(raw: string): Promise<Email> {
  return PostalMime.parse(raw);
}

/** The links and the text of an HTML part, read by workerd's HTML parser. */
async function readHtml(html: string): Promise<{ hrefs: string[]; text: string }> {
  const hrefs: string[] = [];
  let text = '';
  await new HTMLRewriter()
    .on('a', { element: (element) => void hrefs.push(element.getAttribute('href') ?? '') })
    .on('*', {
      element: () => {
        text += ' '; // cells and paragraphs read apart
      },
      text: (chunk) => {
        text += chunk.text;
      },
    })
    .transform(new Response(html))
    .text();
  return { hrefs, text };
}

/** Labels and values compare alike in text (`Count: 80`) and in table cells. */
const squash = (text: string) => text.replace(/[\s:]+/g, ' ');

describe('e-mail alert content', () => {
  for (const [name, job, facts] of TRIGGERS) {
    it(`says in the subject, the text and the HTML what a ${name} alert is about`, async () => {
      const payload = buildAlertPayload(job, PUBLIC_URL);
      const email = await parse(buildAlertEmail(payload, { from: FROM, to: 'ops@example.com' }));
      expect(email.subject).toBe(payload.message);
      expect(email.text).toContain(payload.message);
      for (const fact of facts) expect(email.text, fact).toContain(fact);
      const link = payload.issue?.url ?? payload.link ?? '';
      expect(link.startsWith(PUBLIC_URL)).toBe(true);
      expect(email.text).toContain(link);
      const html = await readHtml(email.html ?? '');
      expect(html.hrefs).toContain(link);
      for (const fact of facts) expect(squash(html.text), fact).toContain(squash(fact));
    });
  }

  it('links a new issue to its page in the dashboard', () => {
    const { text } = formatEmail(buildAlertPayload(emailJob(), PUBLIC_URL));
    expect(text).toContain('Open the issue: https://errors.example.com/issues/7');
  });

  it('writes everything from an event as text in the HTML part, never as markup', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & \'single\'';
    const payload = alertPayload(hostile, `New issue in shop: ${hostile}`);
    if (!payload.issue || !payload.event) throw new Error('fixture has an issue and an event');
    payload.issue.culprit = hostile;
    payload.event.release = hostile;
    payload.event.frames = [{ function: hostile, filename: hostile, lineno: 1, colno: 2 }];
    const { html } = formatEmail(payload);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect((await readHtml(html)).hrefs).toEqual([payload.issue.url, payload.issue.url]);
  });

  it('links nothing that is not http(s)', () => {
    const payload: AlertPayload = alertPayload('x');
    if (!payload.issue) throw new Error('fixture has an issue');
    payload.issue.url = 'javascript:alert(1)';
    const { html, text } = formatEmail(payload);
    expect(html).not.toContain('href=');
    expect(text).not.toContain('javascript:');
  });

  it('keeps a huge event to a one-line subject and bounded parts', async () => {
    const huge = `line\r\nBcc: victim@example.com ${'😀'.repeat(20_000)}`;
    const payload = alertPayload(huge, `New issue in shop: ${huge}`);
    const raw = buildAlertEmail(payload, { from: FROM, to: 'ops@example.com' });
    const email = await parse(raw);
    expect(email.subject).toMatch(/^New issue in shop: line Bcc: victim@example\.com 😀+…$/u);
    expect(email.subject?.length).toBeLessThanOrEqual(150);
    expect(email.bcc).toBeUndefined();
    expect(Math.max(...raw.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(998);
    expect(email.text?.length).toBeLessThan(20_000);
  });

  it('carries the delivery id as Message-ID and X-Faultline-Delivery, and the sender', async () => {
    const payload = buildAlertPayload(emailJob(), PUBLIC_URL);
    const email = await parse(buildAlertEmail(payload, { from: FROM, to: 'ops@example.com' }));
    expect(email.from).toEqual({ name: 'Faultline', address: FROM });
    expect(email.to).toEqual([{ name: '', address: 'ops@example.com' }]);
    expect(email.messageId).toBe(`<${'a'.repeat(32)}@faultline.test>`);
    const header = (key: string) => email.headers.find((entry) => entry.key === key)?.value;
    expect(header('x-faultline-delivery')).toBe('a'.repeat(32));
    expect(header('x-faultline-event')).toBe('alert.new_issue');
    expect(header('auto-submitted')).toBe('auto-generated');
  });
});

describe('e-mail addresses', () => {
  it('takes one address, bare or as mailto:, and refuses anything else with a reason', () => {
    expect(parseEmailDestination('mailto:Ops+alerts@Example.COM')).toEqual({
      address: 'Ops+alerts@example.com',
      url: 'mailto:Ops+alerts@example.com',
    });
    expect(parseEmailDestination(' ops@example.com ')).toMatchObject({
      url: 'mailto:ops@example.com',
    });
    for (const bad of [
      '',
      'ops',
      'ops@',
      '@example.com',
      'ops@localhost',
      'ops@exa_mple.com',
      'a..b@example.com',
      'ops@example.com,boss@example.com',
      'mailto:ops@example.com?cc=boss@example.com',
      'ops@example.com\r\nBcc: boss@example.com',
      'mailto:ops%40example.com%0d%0aBcc:x@example.com',
      '"ops"@example.com',
      `${'a'.repeat(65)}@example.com`,
    ]) {
      expect(parseEmailDestination(bad), JSON.stringify(bad)).toHaveProperty('problem');
    }
  });
});

describe('e-mail delivery through the send_email binding', () => {
  it('hands the message to the binding, which accepts it', async () => {
    expect(await attemptDelivery(emailJob(), options(env.EMAIL))).toEqual({
      status: 'delivered',
      httpStatus: null,
    });
  });

  it('retries with back-off when the binding refuses, as a failed webhook is', async () => {
    // This binding only sends to ops@example.com, as an unverified address is refused.
    const job = {
      ...emailJob(),
      webhook: { ...emailJob().webhook, url: 'mailto:dev@example.com' },
    };
    const outcome = await attemptDelivery(job, options(env.EMAIL_OPS_ONLY));
    expect(outcome).toEqual({
      status: 'pending',
      httpStatus: null,
      error: 'send_email: email to dev@example.com not allowed',
      nextAttemptAt: NOW + 30_000,
    });
    const test = { ...job, alert: { ...job.alert, trigger: 'test' } };
    expect(await attemptDelivery(test, options(env.EMAIL_OPS_ONLY))).toMatchObject({
      status: 'failed',
    });
  });

  it('says so when the Worker has no send_email binding', async () => {
    expect(await attemptDelivery(emailJob(), options(undefined))).toMatchObject({
      status: 'pending',
      error: 'no send_email binding named EMAIL is configured (see WEBHOOKS.md)',
    });
  });
});

describe('e-mail destinations API', () => {
  it('adds one as a webhook row, sends a test and logs it; bad addresses get a 400', async () => {
    const project = await createProject();
    const base = `/api/0/projects/${project.id}/webhooks/`;
    const hook = await admin<{ id: string; url: string; format: string }>(base, {
      method: 'POST',
      body: JSON.stringify({ url: 'ops@example.com', format: 'email', name: 'on call' }),
    });
    expect(hook).toMatchObject({ url: 'mailto:ops@example.com', format: 'email', name: 'on call' });
    const test = await admin(`${base}${hook.id}/test/`, { method: 'POST' });
    expect(test).toMatchObject({ status: 'delivered', trigger: 'test', lastStatus: null });
    const log = await admin<{ status: string }[]>(`${base}${hook.id}/deliveries/`);
    expect(log.map((entry) => entry.status)).toEqual(['delivered']);

    const response = await call(base, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ url: 'mailto:ops@example.com?bcc=boss@example.com', format: 'email' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      detail: 'url must be one address, without ?subject= or ?cc=',
    });
  });
});
