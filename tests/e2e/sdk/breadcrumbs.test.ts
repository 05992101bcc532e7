import { beforeAll, describe, expect, it } from 'vitest';
import { waitForIssue } from '../harness/readApi';
import { openPage, sdkPage } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

interface Crumb {
  category?: string;
  type?: string;
  level?: string;
  message?: string;
  data?: Record<string, unknown>;
}

describe('breadcrumbs in Chromium', () => {
  const bed = useSdkTestbed('sdk-breadcrumbs');

  beforeAll(() => {
    bed.server.serve('/data.json', '{"ok":true}');
  });

  it('arrive with the event: console, click, fetch, XHR and navigation, URLs without secrets', async () => {
    bed.server.serve('/', sdkPage({ dsn: bed.project.dsn }));
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(async () => {
      console.warn('cart is empty');
      await fetch('/data.json?token=s3cr3t&page=2');
      await new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', '/missing?api_key=k3y');
        xhr.onloadend = resolve;
        xhr.send('{}');
      });
      history.pushState({}, '', '/checkout?session=abc123');
    });
    await page.click('#buy');
    await page.evaluate(() => {
      (
        window as unknown as { Faultline: { captureMessage: (m: string) => void } }
      ).Faultline.captureMessage('with breadcrumbs');
    });
    const { event } = await waitForIssue(bed.collector, bed.project, /with breadcrumbs/);
    const crumbs = (event as unknown as { breadcrumbs: { values: Crumb[] } }).breadcrumbs.values;

    expect(crumbs.map((crumb) => crumb.category)).toEqual([
      'console',
      'fetch',
      'xhr',
      'navigation',
      'ui.click',
    ]);
    expect(crumbs[0]).toMatchObject({ level: 'warning', message: 'cart is empty' });
    expect(crumbs[1]).toMatchObject({
      type: 'http',
      data: { method: 'GET', url: '/data.json?token=&page=', status_code: 200 },
    });
    expect(crumbs[2]).toMatchObject({
      level: 'error',
      data: { method: 'POST', url: '/missing?api_key=', status_code: 404 },
    });
    expect(crumbs[3]?.data).toEqual({
      from: `${bed.server.origin}/`,
      to: `${bed.server.origin}/checkout?session=`,
    });
    expect(crumbs[4]).toMatchObject({ message: 'button#buy.primary' });
    const sent = JSON.stringify(crumbs);
    for (const secret of ['s3cr3t', 'k3y', 'abc123']) expect(sent).not.toContain(secret);
  });

  it('can be switched off one by one', async () => {
    bed.server.serve(
      '/',
      sdkPage({ dsn: bed.project.dsn, breadcrumbs: { console: false, fetch: false } }),
    );
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(async () => {
      console.error('not recorded');
      await fetch('/data.json');
      (
        window as unknown as { Faultline: { captureMessage: (m: string) => void } }
      ).Faultline.captureMessage('without console or fetch');
    });
    const { event } = await waitForIssue(bed.collector, bed.project, /without console or fetch/);
    expect((event as unknown as { breadcrumbs: { values: Crumb[] } }).breadcrumbs.values).toEqual(
      [],
    );
  });
});
