import { describe, expect, it } from 'vitest';
import { browserEvent } from './fixtures/events/browserEvent';
import { ADMIN_TOKEN, admin, type CreatedProject, call, createProject } from './helpers';
import { newEventId, sendEvent } from './issueHelpers';

function putSettings(project: CreatedProject, settings: Record<string, unknown>) {
  return call(`/api/0/projects/${project.id}/`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ settings }),
  });
}

async function latestEvent(project: CreatedProject): Promise<Record<string, unknown>> {
  const [issue] = await admin<{ id: string }[]>(`/api/0/projects/${project.id}/issues/`);
  return admin(`/api/0/issues/${issue?.id}/events/latest/`);
}

describe('scrubbing and grouping settings', () => {
  it('shows the defaults and refuses invalid values with a reason', async () => {
    const project = await createProject();
    const { settings } = await admin<{ settings: Record<string, unknown> }>(
      `/api/0/projects/${project.id}/`,
    );
    expect(settings).toMatchObject({
      sensitiveFields: [],
      safeFields: [],
      scrubIpAddresses: true,
      hashScrubbedValues: false,
      fingerprintRules: [],
    });
    for (const [patch, reason] of [
      [{ sensitiveFields: 'card' }, 'settings.sensitiveFields'],
      [{ scrubIpAddresses: 'no' }, 'settings.scrubIpAddresses'],
      [{ fingerprintRules: ['error.type:X'] }, 'has no "->"'],
      [{ fingerprintRules: ['colour:red -> x'] }, 'not a known matcher'],
    ] as const) {
      const response = await putSettings(project, patch);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toContain(reason);
    }
  });

  it('scrubs a project’s extra fields, keeps its safe fields and hashes when asked', async () => {
    const project = await createProject();
    const saved = await putSettings(project, {
      sensitiveFields: ['cartSize'],
      safeFields: ['user.email'],
      hashScrubbedValues: true,
    });
    expect(saved.status).toBe(200);
    await sendEvent(project, browserEvent(newEventId()));
    const event = (await latestEvent(project)) as {
      extra: Record<string, unknown>;
      user: Record<string, unknown>;
      breadcrumbs: { values: { data?: { url: string } }[] };
    };
    expect(event.extra.cartSize).toMatch(/^\[Filtered:[0-9a-f]{16}\]$/);
    expect(event.user).toEqual({ id: 'u_18273', email: 'jane.doe@example.com' });
    expect(event.breadcrumbs.values[1]?.data?.url).toMatch(
      /^\/api\/cart\/items\?session=\[Filtered:[0-9a-f]{16}\]$/,
    );
  });

  it('groups by the project’s fingerprint rules', async () => {
    const project = await createProject();
    await putSettings(project, { fingerprintRules: ['error.type:ChunkLoadError -> chunk-load'] });
    for (const chunk of ['a', 'b', 'c']) {
      await sendEvent(project, {
        event_id: newEventId(),
        platform: 'javascript',
        exception: {
          values: [
            {
              type: 'ChunkLoadError',
              value: `Loading chunk ${chunk} failed.`,
              raw_stack: `ChunkLoadError: x\n    at load${chunk} (https://shop.test/${chunk}.js:1:1)`,
            },
          ],
        },
      });
    }
    const issues = await admin<{ count: number }[]>(`/api/0/projects/${project.id}/issues/`);
    expect(issues.map((issue) => issue.count)).toEqual([3]);
  });
});
