import { beforeAll, describe, expect, it } from 'vitest';
import { type Issue, waitForIssue } from '../harness/readApi';
import { openPage, sdkPage } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

// To show that an event did NOT arrive without sleeping, each test then sends
// a marker event from a page with default options; once the marker is there,
// anything sent before it would have been stored too.
const MARKER = `<!doctype html><script src="/sdk/faultline.min.js"></script>
<script>Faultline.init({ dsn: new URLSearchParams(location.search).get('dsn') });
Faultline.captureMessage('marker');</script>`;

describe('what the page controls, in Chromium', () => {
  const bed = useSdkTestbed('sdk-controls');

  const issueTitles = async () =>
    (await bed.collector.api<Issue[]>(`/api/0/projects/${bed.project.id}/issues/`)).map(
      (issue) => issue.title,
    );
  const sendMarker = async () => {
    await openPage(
      bed.context,
      `${bed.server.origin}/marker?dsn=${encodeURIComponent(bed.project.dsn)}`,
    );
    await waitForIssue(bed.collector, bed.project, 'marker');
  };

  beforeAll(() => {
    bed.server.serve('/marker', MARKER);
  });

  it('beforeSend drops the events it returns null for', async () => {
    bed.server.serve(
      '/',
      sdkPage(
        { dsn: bed.project.dsn },
        `setTimeout(() => { throw new Error('internal only'); });
         setTimeout(() => { throw new Error('worth reporting'); }, 10);`,
        `beforeSend: (event) => event.exception.values[0].value === 'internal only' ? null : event`,
      ),
    );
    await openPage(bed.context, `${bed.server.origin}/`);
    await waitForIssue(bed.collector, bed.project, 'Error: worth reporting');
    await sendMarker();
    expect((await issueTitles()).sort()).toEqual(['Error: worth reporting', 'marker']);
  });

  it('sampleRate 0 sends nothing', async () => {
    bed.server.serve(
      '/',
      sdkPage(
        { dsn: bed.project.dsn, sampleRate: 0 },
        `setTimeout(() => { throw new Error('sampled out'); });
         Faultline.captureMessage('also sampled out');`,
      ),
    );
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.waitForTimeout(200); // let the error be thrown and handled
    await sendMarker();
    expect(await issueTitles()).toEqual(['marker']);
  });

  it('an error thrown inside beforeSend is neither reported nor thrown into the page', async () => {
    bed.server.serve(
      '/',
      sdkPage(
        { dsn: bed.project.dsn },
        `Faultline.captureException(new Error('first'));
         window.afterCapture = true;`,
        `beforeSend: () => { null.boom; }`,
      ),
    );
    const { page, pageErrors } = await openPage(bed.context, `${bed.server.origin}/`);
    expect(await page.evaluate(() => (window as { afterCapture?: boolean }).afterCapture)).toBe(
      true,
    );
    await sendMarker();
    expect(await issueTitles()).toEqual(['marker']);
    expect(pageErrors).toEqual([]);
  });
});
