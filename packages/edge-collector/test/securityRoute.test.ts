import { describe, expect, it } from 'vitest';
import { call, createProject, firstIssueAndEvent, outcomeCount, projectStats } from './helpers';

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('POST /api/:projectId/security/', () => {
  it('turns a report-uri CSP report into an event titled like Sentry', async () => {
    const project = await createProject();
    const response = await call(`/api/${project.id}/security/?sentry_key=${project.publicKey}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/csp-report', 'User-Agent': CHROME },
      body: JSON.stringify({
        'csp-report': {
          'document-uri': 'https://shop.test/cart',
          referrer: '',
          'violated-directive': 'script-src-elem',
          'effective-directive': 'script-src-elem',
          'original-policy': "script-src 'self'; report-uri /api/1/security/",
          disposition: 'enforce',
          'blocked-uri': 'https://evil.test/x.js',
          'status-code': 200,
        },
      }),
    });
    expect(response.status).toBe(200);
    const { issue, event } = await firstIssueAndEvent<{
      csp: Record<string, unknown>;
      request: { url: string };
      tags: Record<string, string>;
    }>(project);
    expect(issue).toMatchObject({
      title: "Blocked 'script' from 'evil.test'",
      culprit: 'script-src-elem',
    });
    expect(event.csp).toMatchObject({
      blocked_uri: 'https://evil.test/x.js',
      disposition: 'enforce',
    });
    expect(event.request.url).toBe('https://shop.test/cart');
    expect(event.tags).toMatchObject({
      'browser.name': 'Chrome',
      'csp.directive': 'script-src-elem',
    });
  });

  it('reads Reporting API batches, skips other report types and filters extensions', async () => {
    const project = await createProject();
    const violation = (blockedURL: string) => ({
      type: 'csp-violation',
      age: 10,
      url: 'https://shop.test/',
      user_agent: CHROME,
      body: {
        documentURL: 'https://shop.test/',
        blockedURL,
        effectiveDirective: 'img-src',
        originalPolicy: "img-src 'self'",
        disposition: 'report',
        statusCode: 200,
      },
    });
    const response = await call(`/api/${project.id}/security/?sentry_key=${project.publicKey}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/reports+json' },
      body: JSON.stringify([
        violation('https://tracker.test/pixel.gif'),
        violation('chrome-extension://abc/icon.png'),
        { type: 'deprecation', url: 'https://shop.test/', body: { id: 'x' } },
      ]),
    });
    expect(response.status).toBe(200);
    const { issues } = await firstIssueAndEvent(project);
    expect(issues.map((issue) => issue.title)).toEqual(["Blocked 'img' from 'tracker.test'"]);
    const stats = await projectStats(project);
    expect(outcomeCount(stats, 'accepted', 'security')).toBe(1);
    expect(outcomeCount(stats, 'filtered', 'security', 'browserExtensions')).toBe(1);
  });

  it.each([
    ['a list of numbers', '[1, 2, 3]'],
    ['an empty list', '[]'],
    ['a list of strings', '["csp-violation"]'],
  ])('refuses %s with a 400 and a reason, and stores nothing', async (_, body) => {
    const project = await createProject();
    const response = await call(`/api/${project.id}/security/?sentry_key=${project.publicKey}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/csp-report' },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'body is a list, but not of Reporting API reports',
    );
  });
});
