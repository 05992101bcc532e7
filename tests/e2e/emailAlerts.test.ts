import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collector, type Project, startCollector, waitFor } from './harness/collector';
import { sendError } from './harness/sendEvent';
import { sentEmails } from './harness/sentEmails';

const PUBLIC_URL = 'https://errors.example.com';
const FROM = 'alerts@faultline.test';

describe('e-mail alerts through wrangler dev', () => {
  let collector: Collector;
  let project: Project;
  let hookId: string;

  beforeAll(async () => {
    // Its own collector: the simulated send_email binding is seen in wrangler's log.
    collector = await startCollector({
      logLevel: 'info',
      vars: { FAULTLINE_PUBLIC_URL: PUBLIC_URL, FAULTLINE_EMAIL_FROM: FROM },
    });
    project = await collector.createProject('shop');
    const hook = await collector.api<{ id: string; url: string }>(
      `/api/0/projects/${project.id}/webhooks/`,
      { method: 'POST', body: JSON.stringify({ url: 'ops@example.com', format: 'email' }) },
    );
    expect(hook.url).toBe('mailto:ops@example.com');
    hookId = hook.id;
  });

  afterAll(async () => {
    await collector?.stop();
  });

  it('mails a new issue: From, To, Subject, a text and an HTML part linking the issue', async () => {
    await sendError(collector, project, {
      type: 'CheckoutError',
      message: 'cart <b>empty</b> & "total" undefined',
    });
    const [email] = await waitFor(
      async () => {
        const sent = await sentEmails(collector);
        return sent.length > 0 ? sent : undefined;
      },
      { what: 'an e-mail from the send_email binding' },
    );
    const [issue] = await collector.api<{ id: string }[]>(`/api/0/projects/${project.id}/issues/`);
    const link = `${PUBLIC_URL}/issues/${issue?.id}`;
    const title = 'CheckoutError: cart <b>empty</b> & "total" undefined';
    expect(email?.from).toEqual({ name: 'Faultline', address: FROM });
    expect(email?.to).toEqual([{ name: '', address: 'ops@example.com' }]);
    expect(email?.subject).toBe(`New issue in shop: ${title}`);
    expect(email?.text).toContain(title);
    expect(email?.text).toContain('checkout');
    expect(email?.text).toContain(`Open the issue: ${link}`);
    expect(email?.html).toContain(`<a href="${link}">`);
    expect(email?.html).toContain('cart &lt;b&gt;empty&lt;/b&gt; &amp; &quot;total&quot;');
    expect(email?.html).not.toContain('<b>empty');

    const log = await waitFor(
      async () => {
        const entries = await collector.api<{ status: string; trigger: string }[]>(
          `/api/0/projects/${project.id}/webhooks/${hookId}/deliveries/`,
        );
        return entries[0]?.status === 'delivered' ? entries : undefined;
      },
      { what: 'the delivery logged as delivered' },
    );
    expect(log).toEqual([expect.objectContaining({ trigger: 'new_issue', lastStatus: null })]);
  });

  it('sends a test e-mail on request and logs it', async () => {
    const before = (await sentEmails(collector)).length;
    const result = await collector.api<{ status: string; deliveryId: string }>(
      `/api/0/projects/${project.id}/webhooks/${hookId}/test/`,
      { method: 'POST' },
    );
    expect(result.status).toBe('delivered');
    const sent = await waitFor(async () => {
      const all = await sentEmails(collector);
      return all.length > before ? all : undefined;
    });
    const email = sent.at(-1);
    expect(email?.subject).toBe(
      `Test delivery in shop: webhook works (delivery ${result.deliveryId})`,
    );
    expect(email?.messageId).toBe(`<${result.deliveryId}@faultline.test>`);
  });
});
