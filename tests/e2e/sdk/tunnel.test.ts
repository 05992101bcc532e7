import { describe, expect, it } from 'vitest';
import { waitFor } from '../harness/collector';
import { waitForIssue } from '../harness/readApi';
import { openPage, sdkPage } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

describe('the tunnel option in Chromium', () => {
  const bed = useSdkTestbed('sdk-tunnel');

  it('posts to a path on the page’s own origin, with the DSN a tunnel forwards by', async () => {
    bed.server.answerApi(() => ({ status: 200 }));
    bed.server.serve('/', sdkPage({ dsn: bed.project.dsn, tunnel: '/api/tunnel' }));
    bed.server.apiRequests.length = 0;
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(() => {
      (
        window as unknown as { Faultline: { captureException: (error: Error) => void } }
      ).Faultline.captureException(new Error('through the tunnel'));
    });
    await waitFor(async () => (bed.server.apiRequests.length === 1 ? true : undefined), {
      what: 'the envelope at the tunnel',
    });
    const [request] = bed.server.apiRequests;
    expect(request?.url).toBe('/api/tunnel');

    // What a tunnel does: read the DSN from the envelope header and post the
    // body, unchanged, to that project's envelope endpoint.
    const body = request?.body ?? '';
    const header = JSON.parse(body.split('\n')[0] ?? '{}') as { dsn?: string };
    expect(header.dsn).toBe(bed.project.dsn);
    const dsn = new URL(header.dsn ?? '');
    const forwarded = await fetch(`${dsn.origin}/api${dsn.pathname}/envelope/`, {
      method: 'POST',
      body,
    });
    expect(forwarded.status).toBe(200);
    const { event } = await waitForIssue(bed.collector, bed.project, 'Error: through the tunnel');
    expect(event.request?.url).toBe(`${bed.server.origin}/`);
  });
});
