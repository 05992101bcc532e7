import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../harness/collector';
import { type StoredEvent, waitForIssue } from '../harness/readApi';
import { openPage, sdkFile } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

type Crumbs = { breadcrumbs?: { values: { category?: string; message?: string }[] } };

/** Resolves once the breadcrumbs add-on has loaded in the page. */
const waitForBreadcrumbsAddOn = (page: Page) =>
  waitFor(
    () =>
      page.evaluate(
        () =>
          'installBreadcrumbs' in ((window as { Faultline?: object }).Faultline ?? {}) || undefined,
      ),
    { what: 'the breadcrumbs add-on' },
  );

describe('the loader snippet in Chromium', () => {
  const bed = useSdkTestbed('sdk-loader');

  beforeAll(() => {
    // The bundles arrive late, so the page's first errors beat them.
    bed.server.serve('/slow/faultline.min.js', sdkFile('faultline.min.js'), 700);
    bed.server.serve('/slow/breadcrumbs.min.js', sdkFile('breadcrumbs.min.js'), 300);
  });

  it('catches errors and calls made before the bundle arrives and replays them', async () => {
    bed.server.serve(
      '/',
      `<!doctype html><html><head>
<script data-src="/slow/faultline.min.js">${sdkFile('loader.min.js')}
Faultline.init({ dsn: ${JSON.stringify(bed.project.dsn)}, release: 'early@1' });
Faultline.setTag('via', 'loader');</script>
<script>function boot() { throw new TypeError('failed before the bundle'); } boot();</script>
<script>Promise.reject(new Error('rejected before the bundle'));</script>
<script>Faultline.captureMessage('message before the bundle');</script>
</head><body></body></html>`,
    );
    const { page, pageErrors } = await openPage(bed.context, `${bed.server.origin}/`);

    const thrown = await waitForIssue(
      bed.collector,
      bed.project,
      'TypeError: failed before the bundle',
    );
    expect(thrown.event).toMatchObject({
      release: 'early@1',
      tags: expect.objectContaining({ via: 'loader' }),
    });
    const [value] = thrown.event.exception?.values ?? [];
    expect(value?.mechanism).toEqual({ type: 'onerror', handled: false });
    expect(value?.stacktrace?.frames.at(-1)).toMatchObject({
      function: 'boot',
      filename: `${bed.server.origin}/`,
    });
    const rejected = await waitForIssue(
      bed.collector,
      bed.project,
      'Error: rejected before the bundle',
    );
    expect(rejected.event.exception?.values[0]?.mechanism).toEqual({
      type: 'onunhandledrejection',
      handled: false,
    });
    await waitForIssue(bed.collector, bed.project, 'message before the bundle');
    expect(pageErrors).toEqual(['failed before the bundle', 'rejected before the bundle']);

    // Once everything has loaded, the SDK itself and the breadcrumbs add-on run.
    await waitForBreadcrumbsAddOn(page);
    await page.evaluate(() => {
      console.warn('after the bundle');
      setTimeout(() => {
        throw new Error('after the bundle');
      });
    });
    const later = await waitForIssue(bed.collector, bed.project, 'Error: after the bundle');
    const crumbs = (later.event as StoredEvent & Crumbs).breadcrumbs?.values ?? [];
    expect(crumbs.at(-1)).toMatchObject({ category: 'console', message: 'after the bundle' });
  });

  it('installs breadcrumbs for an init made after the bundle arrived, before the add-on', async () => {
    bed.server.serve(
      '/late-init',
      `<!doctype html><html><head>
<script data-src="/slow/faultline.min.js">${sdkFile('loader.min.js')}</script>
<script>
const wait = setInterval(() => {
  // The bundle is in (it adds captureErrorEvent), the add-on not yet.
  if (Faultline.captureErrorEvent && !Faultline.installBreadcrumbs) {
    clearInterval(wait);
    Faultline.init({ dsn: ${JSON.stringify(bed.project.dsn)} });
  }
}, 5);
</script></head><body></body></html>`,
    );
    const { page, pageErrors } = await openPage(bed.context, `${bed.server.origin}/late-init`);
    await waitForBreadcrumbsAddOn(page);
    await page.evaluate(() => {
      console.warn('with a late init');
      setTimeout(() => {
        throw new Error('after a late init');
      });
    });
    const { event } = await waitForIssue(bed.collector, bed.project, 'Error: after a late init');
    const crumbs = (event as StoredEvent & Crumbs).breadcrumbs?.values ?? [];
    expect(crumbs.at(-1)).toMatchObject({ category: 'console', message: 'with a late init' });
    expect(pageErrors).toEqual(['after a late init']); // nothing from the loader itself
  });

  it('loads the bundle from beside itself when used as <script src>', async () => {
    bed.server.serve(
      '/src',
      `<!doctype html><script src="/sdk/loader.min.js"></script>
<script>Faultline.init({ dsn: ${JSON.stringify(bed.project.dsn)} });
setTimeout(() => { throw new Error('via the loader src'); });</script>`,
    );
    await openPage(bed.context, `${bed.server.origin}/src`);
    await waitForIssue(bed.collector, bed.project, 'Error: via the loader src');
  });
});
