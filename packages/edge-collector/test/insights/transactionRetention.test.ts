import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { runRetention } from '../../src/scheduled/retentionJob';
import { admin, createProject, envelope, sendEnvelope, updateSettings } from '../helpers';

describe('transaction retention', { timeout: 60_000 }, () => {
  it('deletes raw transactions past retention and keeps their aggregates', async () => {
    const project = await createProject('retention-perf');
    await updateSettings(project, { retentionDays: 1 });
    const eventId = '7'.repeat(32);
    const start = 1_780_000_000;
    const response = await sendEnvelope(
      project,
      envelope({ event_id: eventId }, [
        { type: 'transaction' },
        {
          type: 'transaction',
          event_id: eventId,
          transaction: '/kept',
          start_timestamp: start,
          timestamp: start + 0.25,
          contexts: { trace: { op: 'pageload' } },
        },
      ]),
    );
    expect(response.status).toBe(200);
    const list = () =>
      admin<{ name: string; count: number }[]>(
        `/api/0/projects/${project.id}/performance/?start=${start - 3600}&end=${start + 3600}`,
      );
    expect((await list()).map((row) => [row.name, row.count])).toEqual([['/kept', 1]]);

    await runRetention(env.DB, Date.now() + 2 * 86_400_000);
    expect(await admin(`/api/0/projects/${project.id}/transactions/`)).toEqual([]);
    expect((await list()).map((row) => [row.name, row.count])).toEqual([['/kept', 1]]);
  });
});
