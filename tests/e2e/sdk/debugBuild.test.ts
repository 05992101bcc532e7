import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../harness/collector';
import { openPage } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

// Unique per run, so a line can only come from this run's page.
const seed = randomBytes(4).toString('hex');

/**
 * A page on its own origin that loads `bundle` from the collector's /sdk/
 * and inits it with `options` (JSON) and then runs `body`. `window.answers`
 * counts the SDK's requests answered, bumped a task after the SDK's own
 * answer handler ran (it runs first: same promise, earlier reaction).
 */
const debugPage = (
  collectorUrl: string,
  bundle: string,
  options: object,
  body = '',
) => `<!doctype html>
<html><head><meta charset="utf-8"><title>debug</title></head><body>
<script>
window.answers = 0;
const pageFetch = fetch;
window.fetch = (...args) => {
  const answer = pageFetch(...args);
  const count = () => setTimeout(() => window.answers++);
  answer.then(count, count);
  return answer;
};
</script>
<script src="${collectorUrl}/sdk/${bundle}"></script>
<script>Faultline.init(${JSON.stringify(options)}); window.initDone = true; ${body}</script>
</body></html>`;

describe('the debug bundle served by the collector, in Chromium', () => {
  const bed = useSdkTestbed(null);

  /** Opens the page and returns every console line it writes, as `type: text`. */
  const open = async (html: string) => {
    bed.server.serve('/', html);
    const lines: string[] = [];
    bed.context.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
    const { page, pageErrors } = await openPage(bed.context, `${bed.server.origin}/`);
    await waitFor(async () => ((await page.evaluate('window.initDone')) ? true : undefined), {
      what: 'init to have run',
    });
    /** Waits until `count` SDK requests have been answered and handled. */
    const answered = (count: number) =>
      waitFor(
        async () => ((await page.evaluate<number>('window.answers')) >= count ? true : undefined),
        {
          what: `${count} answers`,
          timeoutMs: 30_000,
        },
      );
    // Chromium's own line for every 4xx: not the SDK's.
    const sdkLines = () => lines.filter((line) => !line.includes('Failed to load resource'));
    return { page, pageErrors, lines: sdkLines, answered };
  };

  it('says why dsn: "not-a-dsn" leaves the SDK off', async () => {
    const { lines, pageErrors } = await open(
      debugPage(bed.collector.url, 'faultline.debug.min.js', { dsn: 'not-a-dsn', debug: true }),
    );
    expect(lines()).toEqual([
      'warning: [Faultline] off: the DSN "not-a-dsn" is not valid; expected https://PUBLIC_KEY@HOST/PROJECT_ID',
    ]);
    expect(pageErrors).toEqual([]);
  });

  it("logs the collector's reason for a 401 (unknown key) from X-Sentry-Error", async () => {
    const project = await bed.collector.createProject(`debug-401-${seed}`);
    const dsn = project.dsn.replace(project.publicKey, 'f'.repeat(32));
    const { lines, answered } = await open(
      debugPage(
        bed.collector.url,
        'faultline.debug.min.js',
        { dsn, debug: true },
        `Faultline.captureMessage('unheard ${seed}')`,
      ),
    );
    await answered(1);
    expect(lines()).toEqual([
      expect.stringMatching(
        /^log: \[Faultline\] on: events go to http:\/\/127\.0\.0\.1:\d+\/api\/\d+\/envelope\//,
      ),
      expect.stringMatching(
        new RegExp(`^log: \\[Faultline\\] sending event \\w{32} \\(unheard ${seed}\\)$`),
      ),
      expect.stringMatching(
        /^warning: \[Faultline\] event \w{32} refused by the collector: 401 unknown or disabled DSN public key$/,
      ),
    ]);
  });

  it("logs the collector's reason for a 403 (origin not allowed)", async () => {
    const project = await bed.collector.createProject(`debug-403-${seed}`, [
      'https://shop.example.com',
    ]);
    const { lines, answered } = await open(
      debugPage(
        bed.collector.url,
        'faultline.debug.min.js',
        { dsn: project.dsn, debug: true },
        `Faultline.captureMessage('elsewhere ${seed}')`,
      ),
    );
    await answered(1);
    expect(lines().at(-1)).toMatch(
      new RegExp(
        `^warning: \\[Faultline\\] event \\w{32} refused by the collector: 403 origin ${bed.server.origin.replace(/\./g, '\\.')} is not allowed for this project$`,
      ),
    );
  });

  it("logs a 429's reason and the back-off it asks for", async () => {
    const project = await bed.collector.createProject(`debug-429-${seed}`);
    await bed.collector.api(`/api/0/projects/${project.id}/`, {
      method: 'PUT',
      body: JSON.stringify({ settings: { rateLimitPerMinute: 1 } }),
    });
    const { page, lines, answered } = await open(
      debugPage(bed.collector.url, 'faultline.debug.min.js', { dsn: project.dsn, debug: true }),
    );
    // One message at a time until one is refused: with a limit of 1 a
    // minute, the second is, unless a new minute began in between.
    for (let sent = 1; sent <= 5 && !lines().some((line) => line.includes(' 429 ')); sent++) {
      await page.evaluate(`Faultline.captureMessage('busy ${seed} #${sent}')`);
      await answered(sent);
    }
    const refused = lines().findIndex((line) => line.includes(' 429 '));
    expect(lines().slice(refused, refused + 2)).toEqual([
      expect.stringMatching(
        /^warning: \[Faultline\] event \w{32} refused by the collector: 429 project rate limit of 1 per minute reached$/,
      ),
      expect.stringMatching(
        /^warning: \[Faultline\] backing off as asked \(\d+:[\w;]*:project\): no events until then$/,
      ),
    ]);
  });

  it('the production bundle logs nothing, given debug: true, a bad DSN or a 403', async () => {
    const project = await bed.collector.createProject(`quiet-403-${seed}`, [
      'https://shop.example.com',
    ]);
    const bad = await open(
      debugPage(bed.collector.url, 'faultline.min.js', { dsn: 'not-a-dsn', debug: true }),
    );
    expect(bad.lines()).toEqual([]);
    const refused = await open(
      debugPage(
        bed.collector.url,
        'faultline.min.js',
        { dsn: project.dsn, debug: true },
        `Faultline.captureMessage('quiet ${seed}')`,
      ),
    );
    await refused.answered(1);
    expect(refused.lines()).toEqual([]);
  });
});
