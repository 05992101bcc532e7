import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectWithReceiver } from './harness/alertSetup';
import { type Collector, sharedCollector, startCollector, waitFor } from './harness/collector';
import { sendError } from './harness/sendEvent';

describe('webhook targets', () => {
  const collector = sharedCollector();

  it('does not follow a redirect to a private address', async () => {
    const { project, receiver, deliveries } = await projectWithReceiver(collector);
    receiver.answerWith(() => ({
      status: 302,
      headers: { Location: 'http://169.254.169.254/latest/meta-data/' },
    }));
    await sendError(collector, project);
    const [entry] = await waitFor(async () => {
      const log = await deliveries();
      return log[0]?.lastError ? log : undefined; // recorded after the attempt
    });
    expect(entry).toMatchObject({ status: 'pending', lastStatus: 302 });
    expect(entry?.lastError).toBe(
      'redirect to http://169.254.169.254/latest/meta-data/ not followed',
    );
    expect(receiver.received).toHaveLength(1);
  });

  it('posts Discord an embed within its limits for an error with a huge message', async () => {
    const { project, receiver } = await projectWithReceiver(collector, { format: 'discord' });
    await sendError(collector, project, {
      type: 'HugeError',
      message: `@everyone ${'y'.repeat(20_000)}`,
    });
    const [delivery] = await waitFor(async () =>
      receiver.received.length > 0 ? receiver.received : undefined,
    );
    const { allowed_mentions, embeds } = delivery?.json ?? {};
    expect(allowed_mentions).toEqual({ parse: [] });
    const [embed] = embeds;
    expect(embed.title).toMatch(/^HugeError: @everyone y+…$/);
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    expect(embed.url).toMatch(/\/issues\/\d+$/);
    const fields = embed.fields.map(
      (field: { name: string; value: string }) => field.name + field.value,
    );
    const total = [embed.title, embed.description, embed.footer.text, ...fields].join('').length;
    expect(total).toBeLessThanOrEqual(6000);
  });

  it('sends a test delivery on request and reports how it went', async () => {
    const { project, hook, receiver } = await projectWithReceiver(collector, { format: 'slack' });
    const result = await collector.api<{ status: string; lastStatus: number }>(
      `/api/0/projects/${project.id}/webhooks/${hook.id}/test/`,
      { method: 'POST' },
    );
    expect(result).toMatchObject({ status: 'delivered', lastStatus: 200 });
    expect(receiver.received[0]?.headers['x-faultline-event']).toBe('alert.test');
    expect(receiver.received[0]?.json.text).toMatch(/^Test delivery in alerts/);
  });
});

describe('webhook targets on a deployed collector', () => {
  let production: Collector;

  beforeAll(async () => {
    production = await startCollector({ vars: { FAULTLINE_MODE: 'production' } });
  });

  afterAll(async () => {
    await production?.stop();
  });

  it('refuses loopback, private, link-local and plain http targets (SSRF)', async () => {
    const project = await production.createProject('ssrf');
    for (const url of [
      'http://127.0.0.1:9000/hook',
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://10.0.0.7/hook',
      'https://192.168.0.1/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/hook',
      'http://hooks.example.com/hook',
    ]) {
      const response = await fetch(`${production.url}/api/0/projects/${project.id}/webhooks/`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${production.adminToken}` },
        body: JSON.stringify({ url }),
      });
      expect(response.status, url).toBe(400);
    }
    const allowed = await production.api(`/api/0/projects/${project.id}/webhooks/`, {
      method: 'POST',
      body: JSON.stringify({ url: 'https://hooks.example.com/faultline' }),
    });
    expect(allowed).toMatchObject({ url: 'https://hooks.example.com/faultline' });
  });
});
