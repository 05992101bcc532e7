import type { Request, Response } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../harness/collector';
import { openPage, sdkPage } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

interface Stats {
  totals: Record<string, number>;
  outcomes: { outcome: string; category: string; reason: string; quantity: number }[];
}

const LIMIT = 3;
const AFTER_LIMIT = 4; // errors thrown once the SDK has been told to back off
const MINUTE_MS = 60_000;

/** An uncaught error, thrown by the page from a task of its own. */
const throwError = (message: string) =>
  `setTimeout(() => { throw new Error(${JSON.stringify(message)}); })`;

describe("the SDK and the collector's own rate limit, in Chromium", () => {
  const bed = useSdkTestbed('sdk-rate-limit');

  beforeEach(async () => {
    await bed.collector.api(`/api/0/projects/${bed.project.id}/`, {
      method: 'PUT',
      body: JSON.stringify({ settings: { rateLimitPerMinute: LIMIT } }),
    });
  });

  it('sends nothing more after a 429 until Retry-After, and the stats count the one refused', async () => {
    // The limit counts per clock minute and the back-off lasts until the
    // minute ends, so the burst and the quiet period must fit in one minute.
    const leftInMinute = MINUTE_MS - (Date.now() % MINUTE_MS);
    if (leftInMinute < 20_000) await new Promise((resolve) => setTimeout(resolve, leftInMinute));

    bed.server.serve(
      '/',
      sdkPage(
        { dsn: bed.project.dsn },
        '',
        // Counts the events that reached the transport (beforeSend runs just before it).
        'beforeSend: (event) => { window.handedToTransport = (window.handedToTransport || 0) + 1; return event; }',
      ),
    );
    const endpoint = `${bed.collector.url}/api/${bed.project.id}/envelope/`;
    const sent: Request[] = [];
    bed.context.on('request', (request) => {
      if (request.url().startsWith(endpoint)) sent.push(request);
    });
    const { page, pageErrors } = await openPage(bed.context, `${bed.server.origin}/`);
    const handedToTransport = async (count: number) =>
      waitFor(
        async () =>
          (await page.evaluate(
            () => (window as { handedToTransport?: number }).handedToTransport,
          )) === count
            ? true
            : undefined,
        { what: `${count} events handed to the transport` },
      );

    // One error at a time, each sent and answered before the next is thrown:
    // the first LIMIT are stored, the next one is refused.
    const answers: Response[] = [];
    for (let i = 1; i <= LIMIT + 1; i++) {
      const answered = page.waitForResponse((response) => response.url().startsWith(endpoint));
      await page.evaluate(throwError(`checkout failed #${i}`));
      answers.push(await answered);
    }
    expect(answers.map((response) => response.status())).toEqual([200, 200, 200, 429]);
    const refusedAt = Date.now();
    const refused = answers[LIMIT] as Response;
    const headers = await refused.allHeaders();
    const retryAfter = Number(headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(15);
    expect(headers['x-sentry-rate-limits']).toBe(`${retryAfter}:error;default;security:project`);
    // Exposed through CORS, so the SDK's fetch can read them.
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(headers['access-control-expose-headers']?.split(/,\s*/)).toEqual(
      expect.arrayContaining(['Retry-After', 'X-Sentry-Rate-Limits']),
    );
    await page.waitForTimeout(100); // the SDK has read the 429

    // More distinct errors during the back-off: the SDK handles every one of
    // them and sends none.
    for (let i = 1; i <= AFTER_LIMIT; i++) {
      await page.evaluate(throwError(`checkout failed again #${i}`));
    }
    await handedToTransport(LIMIT + 1 + AFTER_LIMIT);
    await page.waitForTimeout(500); // time for a request to show up, were one made
    expect(Date.now() - refusedAt).toBeLessThan(retryAfter * 1000); // still backing off
    expect(sent).toHaveLength(LIMIT + 1);
    expect(pageErrors).toHaveLength(LIMIT + 1 + AFTER_LIMIT); // thrown into the page, uncaught

    // The collector stored LIMIT events and counted the one it refused (the
    // counts reach D1 through the ingest queue, so they are waited for).
    const stats = await waitFor(
      async () => {
        const read = await bed.collector.api<Stats>(`/api/0/projects/${bed.project.id}/stats/`);
        return read.totals.accepted === LIMIT && read.totals.rate_limited === 1 ? read : undefined;
      },
      { what: 'the stored and refused events counted' },
    );
    expect(stats.outcomes).toContainEqual({
      outcome: 'rate_limited',
      category: 'error',
      reason: '',
      quantity: 1,
    });
    expect(stats.totals).toMatchObject({ accepted: LIMIT, rate_limited: 1 });
  }, 90_000);
});
