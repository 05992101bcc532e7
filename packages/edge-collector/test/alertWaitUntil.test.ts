import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { admin, createProject } from './helpers';
import { consumeBatch, eventMessage } from './queueHelpers';

describe('delivery right after a batch is stored', () => {
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
    await consumeBatch([
      eventMessage(Number(project.id), { event_id: 'b'.repeat(32), message: 'boom' }),
    ]);
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
