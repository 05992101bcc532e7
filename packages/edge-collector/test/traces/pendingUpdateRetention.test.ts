import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { KEEP_PENDING_SEGMENT_UPDATES_MS, runRetention } from '../../src/scheduled/retentionJob';
import { insertPendingUpdate, selectPendingUpdates } from '../../src/store/traces';
import { createProject } from '../helpers';

describe('pending segment updates', () => {
  it('are deleted by the retention job once their page load has not come for a day', async () => {
    const project = await createProject('pending-retention');
    const projectId = Number(project.id);
    const receivedAt = Date.UTC(2026, 0, 1);
    const late = { projectId, traceId: '7'.repeat(32), spanId: '8'.repeat(16) };
    const fresh = { projectId, traceId: '7'.repeat(32), spanId: '9'.repeat(16) };
    for (const [segment, at] of [
      [late, receivedAt],
      [fresh, receivedAt + KEEP_PENDING_SEGMENT_UPDATES_MS],
    ] as const) {
      await insertPendingUpdate(
        env.DB,
        {
          ...segment,
          measurements: { lcp: { value: 900, unit: 'millisecond' } },
          data: {},
          spans: [],
        },
        at,
      );
    }
    await runRetention(env.DB, receivedAt + KEEP_PENDING_SEGMENT_UPDATES_MS + 1);
    expect((await selectPendingUpdates(env.DB, late)).updates).toEqual([]);
    expect((await selectPendingUpdates(env.DB, fresh)).updates).toHaveLength(1);
  });
});
