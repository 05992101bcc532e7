import { describe, expect, it } from 'vitest';
import { admin, createProject } from './helpers';
import { newEventId, sendEvent } from './issueHelpers';

const message = (text: string, level = 'error') => ({
  event_id: newEventId(),
  message: text,
  level,
  platform: 'javascript',
});

describe('reads for the dashboard', () => {
  it('gives the last 24 hours of several issues in one request', async () => {
    const project = await createProject('sparklines');
    await sendEvent(project, message('sparkline one'));
    await sendEvent(project, message('sparkline one'));
    await sendEvent(project, message('sparkline two'));
    const issues = await admin<{ id: string; title: string }[]>(
      `/api/0/projects/${project.id}/issues/`,
    );
    const query = issues.map((issue) => `id=${issue.id}`).join('&');
    const stats = await admin<Record<string, [number, number][]>>(
      `/api/0/projects/${project.id}/issues/stats/?${query}`,
    );
    for (const issue of issues) {
      const points = stats[issue.id] ?? [];
      expect(points).toHaveLength(24);
      const total = points.reduce((sum, [, count]) => sum + count, 0);
      expect(total).toBe(issue.title === 'sparkline one' ? 2 : 1);
    }
  });

  it('does not give the counts of another project’s issues', async () => {
    const mine = await createProject('sparklines-mine');
    const other = await createProject('sparklines-other');
    await sendEvent(other, message('not yours'));
    const [issue] = await admin<{ id: string }[]>(`/api/0/projects/${other.id}/issues/`);
    const stats = await admin<Record<string, [number, number][]>>(
      `/api/0/projects/${mine.id}/issues/stats/?id=${issue?.id}`,
    );
    const total = (stats[issue?.id ?? ''] ?? []).reduce((sum, [, count]) => sum + count, 0);
    expect(total).toBe(0);
  });

  it('filters the issue list by level', async () => {
    const project = await createProject('levels');
    await sendEvent(project, message('a warning here', 'warning'));
    await sendEvent(project, message('an error here', 'error'));
    const warnings = await admin<{ title: string }[]>(
      `/api/0/projects/${project.id}/issues/?level=warning`,
    );
    expect(warnings.map((issue) => issue.title)).toEqual(['a warning here']);
  });

  it('finds the older, newer and latest events of an event', async () => {
    const project = await createProject('neighbours');
    const ids = [newEventId(), newEventId(), newEventId()];
    for (const id of ids) await sendEvent(project, { ...message('three times'), event_id: id });
    const [first, second, third] = ids;
    expect(await admin(`/api/0/events/${second}/neighbours/`)).toEqual({
      previousEventId: first,
      nextEventId: third,
      latestEventId: third,
    });
    expect(await admin(`/api/0/events/${first}/neighbours/`)).toMatchObject({
      previousEventId: null,
      nextEventId: second,
    });
  });
});

describe('hourly stats', () => {
  it('counts accepted and filtered events per hour', async () => {
    const project = await createProject('hourly-stats');
    await sendEvent(project, message('counted once'));
    await sendEvent(project, {
      ...message('ResizeObserver loop limit exceeded'),
      exception: { values: [{ type: 'Error', value: 'ResizeObserver loop limit exceeded' }] },
    });
    const stats = await admin<{ hours: number[]; series: Record<string, number[]> }>(
      `/api/0/projects/${project.id}/stats/hourly/?period=24h`,
    );
    expect(stats.hours).toHaveLength(24);
    const sum = (values: number[] | undefined) => (values ?? []).reduce((a, b) => a + b, 0);
    expect(sum(stats.series.accepted)).toBe(1);
    expect(sum(stats.series.filtered)).toBe(1);
  });

  it('answers an unknown period with a 400', async () => {
    const project = await createProject('hourly-stats-bad');
    await expect(admin(`/api/0/projects/${project.id}/stats/hourly/?period=1y`)).rejects.toThrow(
      /: 400 /,
    );
  });
});
