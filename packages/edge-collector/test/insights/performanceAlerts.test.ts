import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { buildAlertPayload } from '../../src/alerts/buildAlertPayload';
import { runPerformanceAlerts } from '../../src/scheduled/performanceAlertJob';
import { selectDeliveryJobs } from '../../src/store/outbox';
import {
  admin,
  type CreatedProject,
  createProject,
  envelope,
  sendEnvelope,
  updateSettings,
} from '../helpers';
import { exactQuantile, logNormal, seededRandom } from './seededRandom';
import { BASE_HOUR } from './seedTransactions';

const H = BASE_HOUR + 24 * 3600; // the current hour of these tests, seconds
const NOW = (H + 1800) * 1000; // half past

/** A project with one webhook and exactly one rule. */
async function projectWithRule(rule: object): Promise<CreatedProject> {
  const project = await createProject('perf-alerts');
  const base = `/api/0/projects/${project.id}`;
  await updateSettings(project, { rateLimitPerMinute: 0 });
  const [defaultRule] = await admin<{ id: string }[]>(`${base}/rules/`);
  await admin(`${base}/rules/${defaultRule?.id}/`, { method: 'DELETE' });
  await admin(`${base}/webhooks/`, {
    method: 'POST',
    body: JSON.stringify({ url: 'http://127.0.0.1:9/hook' }),
  });
  await admin(`${base}/rules/`, {
    method: 'POST',
    body: JSON.stringify({ name: 'perf', ...rule }),
  });
  return project;
}

let sequence = 0;
async function sendTransaction(
  project: CreatedProject,
  t: { name: string; durationMs: number; release: string; environment: string; at: number },
) {
  const eventId = (++sequence).toString(16).padStart(32, '0');
  const response = await sendEnvelope(
    project,
    envelope({ event_id: eventId }, [
      { type: 'transaction' },
      {
        type: 'transaction',
        event_id: eventId,
        transaction: t.name,
        start_timestamp: t.at,
        timestamp: t.at + t.durationMs / 1000,
        release: t.release,
        environment: t.environment,
        contexts: {
          trace: { trace_id: 'b'.repeat(32), span_id: 'c'.repeat(16), op: 'http.server' },
        },
      },
    ]),
  );
  expect(response.status).toBe(200);
}

async function sendAll(project: CreatedProject, items: Parameters<typeof sendTransaction>[1][]) {
  for (let i = 0; i < items.length; i += 8) {
    await Promise.all(items.slice(i, i + 8).map((item) => sendTransaction(project, item)));
  }
}

async function payloads(project: CreatedProject) {
  const { results } = await env.DB.prepare(
    'SELECT d.id FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.project_id = ? ORDER BY d.id',
  )
    .bind(Number(project.id))
    .all<{ id: number }>();
  const jobs = await selectDeliveryJobs(
    env.DB,
    results.map((row) => row.id),
  );
  return jobs.map((job) => buildAlertPayload(job, 'https://faultline.example'));
}

describe('performance_regression and error_rate alerts', { timeout: 120_000 }, () => {
  it('alerts once when p75 of a transaction is more than 10 % worse than in the previous release', async () => {
    const project = await projectWithRule({
      triggers: [
        {
          type: 'performance_regression',
          metric: 'p75(duration)',
          transaction: '/checkout',
          threshold: 10,
          windowMinutes: 60,
          baseline: 'previous_release',
          minCount: 50,
        },
      ],
      filters: { environment: 'production' },
    });
    const random = seededRandom(99);
    const before = Array.from({ length: 60 }, () => Math.round(logNormal(random, 200, 0.4)) + 0.5);
    const after = Array.from({ length: 60 }, () => Math.round(logNormal(random, 300, 0.4)) + 0.5);
    await sendAll(project, [
      ...before.map((durationMs, i) => ({
        name: '/checkout',
        durationMs,
        release: 'shop@1',
        environment: 'production',
        at: H - 3 * 3600 + i,
      })),
      ...after.map((durationMs, i) => ({
        name: '/checkout',
        durationMs,
        release: 'shop@2',
        environment: 'production',
        at: H + i,
      })),
      // Faster staging page loads of the new release are not the rule's environment.
      ...after.map((_, i) => ({
        name: '/checkout',
        durationMs: 10.5,
        release: 'shop@2',
        environment: 'staging',
        at: H + i,
      })),
    ]);

    expect(await runPerformanceAlerts(env, NOW)).toBe(1);
    expect(await runPerformanceAlerts(env, NOW + 60_000)).toBe(0); // the rule's throttle
    const [payload, ...others] = await payloads(project);
    expect(others).toEqual([]);
    const exactNow = exactQuantile(after, 0.75);
    const exactBefore = exactQuantile(before, 0.75);
    expect(payload).toMatchObject({
      type: 'alert.performance_regression',
      trigger: 'performance_regression',
      transaction: '/checkout',
      link: `https://faultline.example/api/0/projects/${project.id}/performance/summary/?transaction=%2Fcheckout`,
      figures: { metric: 'p75(duration)', count: 60, baselineCount: 60 },
    });
    const figures = payload?.figures as NonNullable<typeof payload>['figures'] & {};
    expect(Math.abs(figures.value - exactNow) / exactNow).toBeLessThanOrEqual(0.01);
    expect(Math.abs((figures.baseline as number) - exactBefore) / exactBefore).toBeLessThanOrEqual(
      0.01,
    );
    const exactChange = ((exactNow - exactBefore) / exactBefore) * 100;
    expect(Math.abs((figures.changePercent as number) - exactChange)).toBeLessThan(2.5);
    expect(payload?.message).toContain(
      'Performance regression in perf-alerts: p75(duration) of /checkout',
    );
  });

  it('stays quiet under the minimum count or without a baseline', async () => {
    const project = await projectWithRule({
      triggers: [
        {
          type: 'performance_regression',
          metric: 'p75(duration)',
          threshold: 10,
          windowMinutes: 60,
          baseline: 'previous_release',
          minCount: 50,
        },
        {
          type: 'performance_regression',
          metric: 'p95(duration)',
          threshold: 10,
          windowMinutes: 60,
          baseline: 'previous_week',
          minCount: 5,
        },
      ],
    });
    await sendAll(project, [
      ...Array.from({ length: 20 }, (_, i) => ({
        name: '/cart',
        durationMs: 100.5,
        release: 'shop@1',
        environment: 'production',
        at: H - 3 * 3600 + i,
      })),
      ...Array.from({ length: 20 }, (_, i) => ({
        name: '/cart',
        durationMs: 900.5,
        release: 'shop@2',
        environment: 'production',
        at: H + i,
      })),
    ]);
    expect(await runPerformanceAlerts(env, NOW)).toBe(0);
    expect(await payloads(project)).toEqual([]);
  });

  it('alerts when error events exceed 5 % of transactions in the window, and not below', async () => {
    const project = await projectWithRule({
      triggers: [{ type: 'error_rate', threshold: 5, windowMinutes: 60, minCount: 50 }],
    });
    await sendAll(
      project,
      Array.from({ length: 100 }, (_, i) => ({
        name: '/pay',
        durationMs: 50.5,
        release: 'shop@1',
        environment: 'production',
        at: H + i,
      })),
    );
    const sendErrors = async (count: number, offset: number) => {
      for (let i = 0; i < count; i++) {
        const eventId = `e${String(offset + i).padStart(31, '0')}`;
        await sendEnvelope(
          project,
          envelope({ event_id: eventId }, [
            { type: 'event' },
            {
              event_id: eventId,
              message: `rate ${offset + i}`,
              level: 'error',
              timestamp: H + 100 + i,
            },
          ]),
        );
      }
    };
    await sendErrors(5, 0); // exactly 5 %: not above
    expect(await runPerformanceAlerts(env, NOW)).toBe(0);
    await sendErrors(3, 100);
    expect(await runPerformanceAlerts(env, NOW)).toBe(1);
    const [payload] = await payloads(project);
    expect(payload).toMatchObject({
      type: 'alert.error_rate',
      figures: { metric: 'error_rate', value: 8, baseline: 5, count: 100 },
      link: `https://faultline.example/api/0/projects/${project.id}/performance/`,
    });
  });

  it('rejects a performance trigger with an unknown metric or baseline', async () => {
    const project = await createProject('bad-rule');
    for (const trigger of [
      { type: 'performance_regression', metric: 'p90(lcp)' },
      { type: 'performance_regression', metric: 'p75(lcp)', baseline: 'yesterday' },
      { type: 'error_rate', threshold: 500 },
    ]) {
      const response = await fetchRule(project, trigger);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/metric|baseline|threshold/);
    }
  });
});

async function fetchRule(project: CreatedProject, trigger: object) {
  const { call } = await import('../helpers');
  return call(`/api/0/projects/${project.id}/rules/`, {
    method: 'POST',
    headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'bad', triggers: [trigger] }),
  });
}
