import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { runRetention } from '../../src/scheduled/retentionJob';
import { admin, createProject, envelope, sendEnvelope, updateSettings } from '../helpers';

describe('transaction retention', { timeout: 60_000 }, () => {
  it('deletes raw transactions past retention and hourly aggregates past 92 days, and keeps the daily rollups', async () => {
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
    // Whole days (read from the daily rollups), and two hours (read from the hourly rows).
    const day = Math.floor(start / 86_400) * 86_400;
    const list = (from: number, to: number) =>
      admin<{ name: string; count: number }[]>(
        `/api/0/projects/${project.id}/performance/?start=${from}&end=${to}`,
      ).then((rows) => rows.map((row) => [row.name, row.count]));
    expect(await list(day - 86_400, day + 2 * 86_400)).toEqual([['/kept', 1]]);
    expect(await list(start - 3600, start + 3600)).toEqual([['/kept', 1]]);

    // The transaction's hour is more than 92 days before this run.
    expect(Date.now() - start * 1000).toBeGreaterThan(92 * 86_400_000);
    await runRetention(env.DB, Date.now() + 2 * 86_400_000);
    expect(await admin(`/api/0/projects/${project.id}/transactions/`)).toEqual([]);
    expect(await list(day - 86_400, day + 2 * 86_400)).toEqual([['/kept', 1]]);
    expect(await list(start - 3600, start + 3600)).toEqual([]);
  });
});
