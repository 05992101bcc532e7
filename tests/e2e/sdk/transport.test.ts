import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../harness/collector';
import { waitForIssue } from '../harness/readApi';
import { openPage, sdkPage } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

const capture = (message: string) =>
  `Faultline.captureException(new Error(${JSON.stringify(message)}))`;

/** Events waiting in the page's localStorage (the SDK keeps a list per endpoint). */
const storedEvents = (page: Page) =>
  page.evaluate(() =>
    Object.values(localStorage).reduce((count, list) => count + JSON.parse(list).length, 0),
  );

describe('the transport in Chromium', () => {
  const bed = useSdkTestbed('sdk-offline');

  it('backs off after a 429 for as long as X-Sentry-Rate-Limits says', async () => {
    // The page server stands in for the collector, answering the first event 429.
    let answered = 0;
    bed.server.answerApi(() =>
      answered++ === 0
        ? {
            status: 429,
            headers: { 'X-Sentry-Rate-Limits': '2::organization', 'Retry-After': '2' },
          }
        : { status: 200 },
    );
    const dsn = `${bed.server.origin.replace('//', '//publickey@')}/7`;
    bed.server.serve('/', sdkPage({ dsn }));
    bed.server.apiRequests.length = 0;
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(capture('first'));
    await waitFor(async () => (bed.server.apiRequests.length === 1 ? true : undefined), {
      what: 'the first event',
    });
    await page.waitForTimeout(100); // the 429 has been read
    await page.evaluate(`${capture('during back-off 1')}; ${capture('during back-off 2')}`);
    await page.waitForTimeout(2200);
    await page.evaluate(capture('after back-off'));
    await waitFor(async () => (bed.server.apiRequests.length === 2 ? true : undefined), {
      what: 'the event after the back-off',
    });
    expect(bed.server.apiRequests[0]?.url).toBe(
      '/api/7/envelope/?sentry_key=publickey&sentry_version=7',
    );
    expect(bed.server.apiRequests.map((request) => request.body.split('\n')[2])).toEqual([
      expect.stringContaining('"value":"first"'),
      expect.stringContaining('"value":"after back-off"'),
    ]);
  });

  it('sends the events it stored as the page is left', async () => {
    // The stand-in collector is down for the first post, then back.
    let down = true;
    bed.server.answerApi(() => ({ status: down ? 503 : 200 }));
    const dsn = `${bed.server.origin.replace('//', '//publickey@')}/7`;
    bed.server.serve('/', sdkPage({ dsn }));
    bed.server.serve('/next', '<!doctype html><title>a page without the SDK</title>');
    bed.server.apiRequests.length = 0;
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(capture('stored while the collector was down'));
    await waitFor(async () => ((await storedEvents(page)) === 1 ? true : undefined), {
      what: 'the event to be stored',
    });
    down = false;
    await page.goto(`${bed.server.origin}/next`); // pagehide: the stored event goes, keepalive
    await waitFor(async () => (bed.server.apiRequests.length >= 2 ? true : undefined), {
      what: 'the stored event to be posted as the page went away',
    });
    // Posted once per retry (hidden, then left): the collector keeps one per event id.
    for (const request of bed.server.apiRequests) {
      expect(request.body).toContain('stored while the collector was down');
    }
  });

  describe('offline', () => {
    beforeEach(async () => {
      bed.server.serve('/', sdkPage({ dsn: bed.project.dsn }));
    });

    it('keeps events in localStorage and sends them on the next page load', async () => {
      const { page } = await openPage(bed.context, `${bed.server.origin}/`);
      await bed.context.setOffline(true);
      await page.evaluate(capture('captured offline'));
      await waitFor(async () => ((await storedEvents(page)) === 1 ? true : undefined), {
        what: 'the event to be stored',
      });
      await page.close(); // no 'online' event for this page: the next load must send it
      await bed.context.setOffline(false);
      await openPage(bed.context, `${bed.server.origin}/`);
      const { event } = await waitForIssue(bed.collector, bed.project, 'Error: captured offline');
      expect(event.exception?.values[0]?.mechanism).toEqual({ type: 'generic', handled: true });
    });

    it('sends them when the browser comes back online', async () => {
      const { page } = await openPage(bed.context, `${bed.server.origin}/`);
      await bed.context.setOffline(true);
      await page.evaluate(capture('sent once online'));
      await waitFor(async () => ((await storedEvents(page)) === 1 ? true : undefined), {
        what: 'the event to be stored',
      });
      await bed.context.setOffline(false);
      await waitForIssue(bed.collector, bed.project, 'Error: sent once online');
      await waitFor(async () => ((await storedEvents(page)) === 0 ? true : undefined), {
        what: 'the event to leave storage once answered',
      });
    });
  });
});
