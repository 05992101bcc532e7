import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { storeEventWithAlerts } from '../src/alerts/storeEventWithAlerts';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { processEvent } from '../src/ingest/processEvent';
import { admin, createProject } from './helpers';

describe('delivery right after an event is stored', () => {
  it('attempts every delivery the event fired from waitUntil, not only the first batch', async () => {
    const project = await createProject();
    const hooks = `/api/0/projects/${project.id}/webhooks/`;
    for (let i = 0; i < 25; i++) {
      // Nothing listens on the discard port: each attempt fails fast and stays pending.
      await admin(hooks, {
        method: 'POST',
        body: JSON.stringify({ url: `http://127.0.0.1:9/hook-${i}` }),
      });
    }
    const receivedAt = Date.now();
    const record = await processEvent(
      normalizeEvent({ event_id: 'b'.repeat(32), message: 'boom' }, receivedAt),
      { projectId: Number(project.id), receivedAt },
    );
    const ctx = createExecutionContext();
    await storeEventWithAlerts(env, ctx, record);
    await waitOnExecutionContext(ctx);
    const { results } = await env.DB.prepare(
      `SELECT d.attempts FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
       WHERE a.project_id = ?`,
    )
      .bind(Number(project.id))
      .all<{ attempts: number }>();
    expect(results).toHaveLength(25);
    expect(results.every((row) => row.attempts === 1)).toBe(true);
  });
});
