import { describe, expect, it } from 'vitest';
import {
  admin,
  type CreatedProject,
  call,
  createProject,
  envelope,
  outcomeCount,
  projectStats,
  sendEnvelope,
  statsWhen,
  updateSettings,
} from './helpers';

const eventEnvelope = (eventId: string, fields: object = {}) =>
  envelope({ event_id: eventId }, [
    { type: 'event' },
    { event_id: eventId, message: 'boom', ...fields },
  ]);

describe('per-project rate limit', () => {
  it('answers 429 with Retry-After and X-Sentry-Rate-Limits once the minute is full', async () => {
    const project = await createProject();
    await updateSettings(project, { rateLimitPerMinute: 2 });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (const digit of ['1', '2', '3', '4']) {
      const response = await sendEnvelope(project, eventEnvelope(digit.repeat(32)), {
        Origin: 'https://shop.test',
      });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    // Two per minute: a test straddling a minute boundary may see a third accepted.
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.at(-1)).toBe(429);
    const retryAfter = Number(limited?.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited?.headers.get('X-Sentry-Rate-Limits')).toBe(
      `${retryAfter}:error;default;security:project`,
    );
    expect(limited?.headers.get('Access-Control-Expose-Headers')).toContain('X-Sentry-Rate-Limits');

    // A 429's count reaches D1 through the queue after the answer.
    const limitedCount = statuses.filter((status) => status === 429).length;
    const stats = await statsWhen(
      project,
      (counted) => outcomeCount(counted, 'rate_limited', 'error') === limitedCount,
    );
    expect(stats.totals.accepted).toBe(statuses.filter((status) => status === 200).length);
  });

  it('limits transactions on their own counter, and 0 turns the limit off', async () => {
    const project = await createProject();
    await updateSettings(project, { rateLimitPerMinute: 1 });
    const transaction = (eventId: string) =>
      envelope({}, [
        { type: 'transaction' },
        { event_id: eventId, transaction: '/', start_timestamp: 1, timestamp: 2 },
      ]);
    expect((await sendEnvelope(project, eventEnvelope('5'.repeat(32)))).status).toBe(200);
    expect((await sendEnvelope(project, transaction('6'.repeat(32)))).status).toBe(200);
    const limited = await sendEnvelope(project, transaction('7'.repeat(32)));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('X-Sentry-Rate-Limits')).toMatch(/^\d+:transaction:project$/);

    await updateSettings(project, { rateLimitPerMinute: 0 });
    expect((await sendEnvelope(project, eventEnvelope('8'.repeat(32)))).status).toBe(200);
  });

  it('is on by default', async () => {
    const project = await createProject();
    const { settings } = await admin<{ settings: { rateLimitPerMinute: number } }>(
      `/api/0/projects/${project.id}/`,
    );
    expect(settings.rateLimitPerMinute).toBe(1000);
  });
});

describe('inbound filters at ingestion', () => {
  /** One event per filter, each matching only that filter. */
  const filterCases: [string, object][] = [
    [
      'browserExtensions',
      {
        exception: {
          values: [
            {
              type: 'TypeError',
              value: 'x is null',
              stacktrace: { frames: [{ abs_path: 'chrome-extension://abcdef/content.js' }] },
            },
          ],
        },
      },
    ],
    ['scriptErrors', { message: 'Script error.' }],
    [
      'resizeObserver',
      { exception: { values: [{ type: 'Error', value: 'ResizeObserver loop limit exceeded' }] } },
    ],
    ['webCrawlers', { request: { headers: { 'User-Agent': 'Googlebot/2.1' } } }],
    ['localhost', { request: { url: 'http://localhost:8000/' } }],
    ['ignoreMessages', { message: 'flaky third-party widget timed out' }],
    ['ignoreReleases', { release: '2.0-beta' }],
  ];
  const sendFilterCases = async (project: CreatedProject, digit: string) => {
    for (const [index, [, fields]] of filterCases.entries()) {
      const eventId = `${digit}${String(index)}`.padEnd(32, '0');
      const response = await sendEnvelope(project, eventEnvelope(eventId, fields));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id: eventId });
    }
  };

  it('answers 200 but stores nothing and counts each filter by name', async () => {
    const project = await createProject();
    await updateSettings(project, {
      filters: {
        localhost: true,
        ignoreMessages: ['*third-party widget*'],
        ignoreReleases: ['*-beta'],
      },
    });
    await sendFilterCases(project, '1');
    expect(await admin(`/api/0/projects/${project.id}/issues/`)).toEqual([]);
    const stats = await projectStats(project);
    for (const [reason] of filterCases) {
      expect(outcomeCount(stats, 'filtered', 'error', reason), reason).toBe(1);
    }
    expect(stats.totals).toEqual({ filtered: filterCases.length });
  });

  it('stores what each filter would drop once the project turns it off', async () => {
    const project = await createProject();
    const off = Object.fromEntries(filterCases.map(([name]) => [name, false]));
    await updateSettings(project, {
      filters: { ...off, ignoreMessages: [], ignoreReleases: [] },
    });
    await sendFilterCases(project, '2');
    const issues = await admin<{ count: number }[]>(`/api/0/projects/${project.id}/issues/`);
    const stored = issues.reduce((sum, issue) => sum + issue.count, 0);
    expect(stored).toBe(filterCases.length);
    const stats = await projectStats(project);
    expect(stats.totals).toEqual({ accepted: filterCases.length });
  });

  it('validates filter settings and keeps defaults for filters left out', async () => {
    const project = await createProject();
    const updated = await updateSettings(project, { filters: { scriptErrors: false } });
    expect((updated as { settings: { filters: object } }).settings.filters).toMatchObject({
      scriptErrors: false,
      browserExtensions: true,
      localhost: false,
    });
    // A second change merges into the first: scriptErrors stays off.
    const again = await updateSettings(project, {
      filters: { localhost: true, ignoreReleases: ['*-dev'] },
    });
    expect((again as { settings: { filters: object } }).settings.filters).toMatchObject({
      scriptErrors: false,
      localhost: true,
      ignoreReleases: ['*-dev'],
      browserExtensions: true,
    });
    // null puts one filter back to its default, keeping the others.
    const reset = await updateSettings(project, { filters: { scriptErrors: null } });
    expect((reset as { settings: { filters: object } }).settings.filters).toMatchObject({
      scriptErrors: true,
      localhost: true,
      ignoreReleases: ['*-dev'],
    });
    for (const [filters, reason] of [
      [{ nope: true }, 'no filter named nope'],
      [{ localhost: 'yes' }, 'localhost must be true or false'],
      [{ ignoreMessages: 'x' }, 'ignoreMessages must be an array'],
    ] as const) {
      const response = await call(`/api/0/projects/${project.id}/`, {
        method: 'PUT',
        headers: { Authorization: 'Bearer test-admin-token' },
        body: JSON.stringify({ settings: { filters } }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toContain(reason);
    }
  });
});

describe('rate limits inside one envelope', () => {
  it('stores the error and names the limited transactions in a 200', async () => {
    const project = await createProject();
    await updateSettings(project, { rateLimitPerMinute: 1 });
    const transaction = (eventId: string) => [
      { type: 'transaction' },
      { event_id: eventId, transaction: '/', start_timestamp: 1, timestamp: 2 },
    ];
    expect(
      (await sendEnvelope(project, envelope({}, transaction('1'.repeat(32)) as [object, unknown])))
        .status,
    ).toBe(200);
    const response = await sendEnvelope(
      project,
      envelope({}, transaction('2'.repeat(32)) as [object, unknown], [
        { type: 'event' },
        { event_id: '3'.repeat(32), message: 'still stored' },
      ]),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: '3'.repeat(32) });
    expect(response.headers.get('X-Sentry-Rate-Limits')).toMatch(/^\d+:transaction:project$/);
    const stats = await projectStats(project);
    expect(outcomeCount(stats, 'rate_limited', 'transaction')).toBe(1);
    expect(outcomeCount(stats, 'accepted', 'error')).toBe(1);
  });
});
