import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot } from '../../scripts/lib/localCollector.mjs';
import { sharedCollector, waitFor } from './harness/collector';
import { sendError } from './harness/sendEvent';

function signed(secret: string, body: string, timestamp: number, signature?: string) {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return {
    'X-Faultline-Delivery': 'f'.repeat(32),
    'X-Faultline-Timestamp': String(timestamp),
    'X-Faultline-Signature': signature ?? `v1=${mac}`,
  };
}

describe('examples/webhook-receiver', () => {
  let child: ChildProcess | undefined;

  afterAll(() => {
    child?.kill();
  });

  it('prints a real alert and rejects forged, stale and repeated deliveries', async () => {
    const collector = sharedCollector();
    const project = await collector.createProject('receiver-example');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const hook = await collector.api<{ secret: string }>(
      `/api/0/projects/${project.id}/webhooks/`,
      { method: 'POST', body: JSON.stringify({ url }) },
    );
    child = spawn(process.execPath, [join(repoRoot, 'examples/webhook-receiver/server.mjs')], {
      env: { ...process.env, PORT: String(port), FAULTLINE_WEBHOOK_SECRET: hook.secret },
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    await waitFor(async () => (output.includes('receiver on') ? true : undefined));

    await sendError(collector, project, { type: 'ExampleError', message: 'printed' });
    await waitFor(async () => (output.includes('[alert.new_issue]') ? true : undefined), {
      what: 'the receiver to print the alert',
    });
    expect(output).toContain('New issue in receiver-example: ExampleError: printed');

    const body = JSON.stringify({ type: 'alert.test', message: 'forged' });
    const now = Math.floor(Date.now() / 1000);
    const post = (headers: Record<string, string>) =>
      fetch(url, { method: 'POST', headers, body }).then(async (response) => [
        response.status,
        (await response.text()).trim(),
      ]);
    expect(await post(signed('whsec_wrong', body, now))).toEqual([401, 'bad signature']);
    expect(await post(signed(hook.secret, body, now - 3600))).toEqual([401, 'timestamp too old']);
    expect(await post(signed(hook.secret, body, now))).toEqual([200, 'ok']);
    expect(await post(signed(hook.secret, body, now))).toEqual([200, 'already handled']);
  });
});
