import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../src/index';
import { admin, createProject, envelope, sendEnvelope } from './helpers';

interface Delivery {
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
}

async function runCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: '* * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe('the scheduled handler', () => {
  it('retries a failed delivery once it is due and backs off again', async () => {
    const project = await createProject();
    const hooks = `/api/0/projects/${project.id}/webhooks/`;
    // Nothing listens on the discard port: every attempt fails to connect.
    const hook = await admin<{ id: string }>(hooks, {
      method: 'POST',
      body: JSON.stringify({ url: 'http://127.0.0.1:9/down' }),
    });
    const eventId = 'a'.repeat(32);
    const body = envelope({ event_id: eventId }, [{ type: 'event' }, { message: 'boom' }]);
    expect((await sendEnvelope(project, body)).status).toBe(200);

    const log = () => admin<Delivery[]>(`${hooks}${hook.id}/deliveries/`);
    let [delivery] = await log();
    if (delivery?.attempts === 0) await runCron(); // the request's waitUntil may not have run
    [delivery] = await log();
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
    expect(delivery?.lastError).toBeTruthy();
    expect(Date.parse(delivery?.nextAttemptAt ?? '')).toBeGreaterThan(Date.now());

    await runCron(); // not due yet: nothing happens
    expect((await log())[0]?.attempts).toBe(1);

    await env.DB.prepare('UPDATE alert_deliveries SET next_attempt_at = 0').run();
    await runCron();
    expect((await log())[0]).toMatchObject({ status: 'pending', attempts: 2 });
  });
});
