import { describe, expect, it } from 'vitest';
import { browserEvent } from './fixtures/events/browserEvent';
import { STACKS } from './fixtures/stacks';
import { ADMIN_TOKEN, admin, call, createProject } from './helpers';
import { newEventId, onlyIssue, sendEvent, setStatus } from './issueHelpers';

const event = (overrides: Record<string, unknown> = {}) =>
  browserEvent(newEventId(), STACKS.chrome, overrides);

describe('issue lifecycle', () => {
  it('opens an issue with counts, users, releases, level and platform', async () => {
    const project = await createProject();
    await sendEvent(project, event({ release: 'shop@1.0.0' }));
    await sendEvent(project, event({ release: 'shop@1.1.0', user: { id: 'other' } }));
    expect(await onlyIssue(project)).toMatchObject({
      status: 'unresolved',
      isRegressed: false,
      count: 2,
      userCount: 2,
      firstRelease: 'shop@1.0.0',
      lastRelease: 'shop@1.1.0',
      culprit: 'total(app.js)',
    });
  });

  it('puts the same error from Chrome, Firefox and Safari into one issue', async () => {
    const project = await createProject();
    for (const stack of Object.values(STACKS))
      await sendEvent(project, browserEvent(newEventId(), stack));
    expect((await onlyIssue(project)).count).toBe(3);
  });

  it('never loses a count when events of one issue arrive together, and counts a resend once', async () => {
    const project = await createProject();
    const ids = Array.from({ length: 20 }, () => newEventId());
    const resent = ids.slice(0, 5);
    await Promise.all([...ids, ...resent].map((id) => sendEvent(project, browserEvent(id))));
    const issue = await onlyIssue(project);
    expect(issue.count).toBe(20);
    const details = await admin<{ stats: { '24h': [number, number][] } }>(
      `/api/0/issues/${issue.id}/`,
    );
    expect(details.stats['24h'].reduce((sum, [, count]) => sum + count, 0)).toBe(20);
  });

  it('regresses a resolved issue on its next event', async () => {
    const project = await createProject();
    await sendEvent(project, event());
    const issue = await onlyIssue(project);
    expect((await setStatus(issue.id, { status: 'resolved' })).status).toBe('resolved');
    await sendEvent(project, event());
    expect(await onlyIssue(project)).toMatchObject({
      status: 'unresolved',
      substatus: 'regressed',
      isRegressed: true,
    });
    expect((await setStatus(issue.id, { status: 'unresolved' })).isRegressed).toBe(false);
  });

  it('stays resolved in a release for events from older releases, and regresses from it on', async () => {
    const project = await createProject();
    await sendEvent(project, event({ release: 'shop@1.0.0' }));
    const issue = await onlyIssue(project);
    const resolved = await setStatus(issue.id, {
      status: 'resolved',
      statusDetails: { inRelease: 'shop@1.1.0' },
    });
    expect(resolved.statusDetails).toEqual({ inRelease: 'shop@1.1.0' });
    await sendEvent(project, event({ release: 'shop@1.0.0' }));
    expect((await onlyIssue(project)).status).toBe('resolved');
    await sendEvent(project, event({ release: 'shop@1.1.0' }));
    expect(await onlyIssue(project)).toMatchObject({ status: 'unresolved', isRegressed: true });
  });

  it('stays resolved in the next release until a newer release sees it', async () => {
    const project = await createProject();
    await sendEvent(project, event({ release: 'shop@2.0.0' }));
    const issue = await onlyIssue(project);
    const resolved = await setStatus(issue.id, { status: 'resolvedInNextRelease' });
    expect(resolved.statusDetails).toEqual({ inNextRelease: true, afterRelease: 'shop@2.0.0' });
    await sendEvent(project, event({ release: 'shop@2.0.0' }));
    expect((await onlyIssue(project)).status).toBe('resolved');
    await sendEvent(project, event({ release: 'shop@2.0.1' }));
    expect((await onlyIssue(project)).status).toBe('unresolved');
  });

  it('wakes an issue ignored until N more events on the Nth', async () => {
    const project = await createProject();
    await sendEvent(project, event());
    const issue = await onlyIssue(project);
    const ignored = await setStatus(issue.id, {
      status: 'ignored',
      statusDetails: { ignoreCount: 2 },
    });
    expect(ignored.statusDetails).toEqual({ ignoreCount: 2 });
    await sendEvent(project, event());
    expect(await onlyIssue(project)).toMatchObject({
      status: 'ignored',
      statusDetails: { ignoreCount: 1 },
    });
    await sendEvent(project, event());
    expect(await onlyIssue(project)).toMatchObject({ status: 'unresolved', isRegressed: false });
  });

  it('wakes an issue ignored until N more users only when new users see it', async () => {
    const project = await createProject();
    await sendEvent(project, event({ user: { id: 'a' } }));
    const issue = await onlyIssue(project);
    await setStatus(issue.id, { status: 'ignored', statusDetails: { ignoreUserCount: 2 } });
    await sendEvent(project, event({ user: { id: 'a' } }));
    await sendEvent(project, event({ user: { id: 'b' } }));
    expect((await onlyIssue(project)).status).toBe('ignored');
    await sendEvent(project, event({ user: { id: 'c' } }));
    expect((await onlyIssue(project)).status).toBe('unresolved');
  });

  it('wakes an issue ignored until a time once the time has passed, and keeps one ignored forever', async () => {
    const project = await createProject();
    await sendEvent(project, event());
    const issue = await onlyIssue(project);
    await setStatus(issue.id, { status: 'ignored' });
    await sendEvent(project, event());
    expect((await onlyIssue(project)).status).toBe('ignored');
    const past = new Date(Date.now() - 1000).toISOString();
    await setStatus(issue.id, { status: 'ignored', statusDetails: { ignoreUntil: past } });
    await sendEvent(project, event());
    expect((await onlyIssue(project)).status).toBe('unresolved');
    const later = await setStatus(issue.id, {
      status: 'ignored',
      statusDetails: { ignoreDuration: 30 },
    });
    expect(Date.parse(String(later.statusDetails.ignoreUntil))).toBeGreaterThan(
      Date.now() + 29 * 60_000,
    );
  });

  it('counts users by a salted hash of their IP when they have no id, and never stores the IP', async () => {
    const project = await createProject();
    const anonymous = () => event({ user: undefined });
    await sendEvent(project, anonymous(), { 'CF-Connecting-IP': '198.51.100.23' });
    await sendEvent(project, anonymous(), { 'CF-Connecting-IP': '198.51.100.23' });
    await sendEvent(project, anonymous(), { 'CF-Connecting-IP': '198.51.100.99' });
    const issue = await onlyIssue(project);
    expect(issue.userCount).toBe(2);
    const details = await admin<{ tags: { key: string; topValues: { value: string }[] }[] }>(
      `/api/0/issues/${issue.id}/`,
    );
    const users = details.tags.find((tag) => tag.key === 'user')?.topValues ?? [];
    expect(users.map((user) => user.value)).toEqual([
      expect.stringMatching(/^ip:[0-9a-f]{16}$/),
      expect.stringMatching(/^ip:/),
    ]);
    const stored = JSON.stringify(await admin(`/api/0/issues/${issue.id}/events/?full=true`));
    expect(stored).not.toContain('198.51.100');
  });

  it('drops future events of an issue deleted with discard', async () => {
    const project = await createProject();
    await sendEvent(project, event());
    const issue = await onlyIssue(project);
    const deleted = await call(`/api/0/issues/${issue.id}/?discard=true`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(deleted.status).toBe(204);
    await sendEvent(project, event());
    await sendEvent(
      project,
      browserEvent(newEventId(), STACKS.chrome, { exception: undefined, message: 'other' }),
    );
    const issues = await admin<{ title: string }[]>(`/api/0/projects/${project.id}/issues/`);
    expect(issues.map((entry) => entry.title)).toEqual(['other']);
  });
});
