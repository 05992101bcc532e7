import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShopApp, type ShopAppBuild } from '../fixtures/buildShopApp.mjs';
import { launchChromium } from './harness/chromium';
import { type Collector, type Project, sharedCollector, waitFor } from './harness/collector';
import type { Frame, Issue } from './harness/readApi';
import { sentryCli } from './harness/sentryCli';
import { type PageServer, startPageServer } from './sdk/sdkPages';

interface SymbolicatedFrame extends Frame {
  context_line?: string;
  pre_context?: string[];
  post_context?: string[];
}

interface SymbolicatedEvent {
  event_id: string;
  exception: {
    values: {
      stacktrace: { frames: SymbolicatedFrame[] };
      raw_stacktrace?: { frames: Frame[] };
    }[];
  };
  symbolication?: {
    symbolicated: boolean;
    symbolicatedFrames: number;
    notes: { reason: string; url: string; detail?: string }[];
  };
}

const THROW_LINE = "    throw new Error('Cart is empty: nothing to check out');";

/** The page: the Faultline SDK by script tag, then the minified app. */
function faultlinePage(dsn: string, release: string, script: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>
<button id="buy">Buy</button><span id="total"></span>
<script src="/sdk/faultline.min.js"></script>
<script>Faultline.init(${JSON.stringify({ dsn, release })});</script>
<script src="/${script}"></script></body></html>`;
}

/** The page for the @sentry/browser build: its init is bundled into the app. */
function sentryPage(script: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>
<button id="buy">Buy</button><span id="total"></span>
<script src="/${script}"></script></body></html>`;
}

describe('source maps uploaded with sentry-cli', () => {
  let collector: Collector;
  let browser: Browser;
  let context: BrowserContext;
  let site: PageServer;
  let token: string;
  const builds: ShopAppBuild[] = [];

  beforeAll(async () => {
    collector = sharedCollector();
    site = await startPageServer();
    browser = await launchChromium();
    context = await browser.newContext();
    const created = await collector.api<{ token: string }>('/api/0/tokens/', {
      method: 'POST',
      body: JSON.stringify({ name: 'e2e ci', scopes: ['project:releases'] }),
    });
    token = created.token;
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    for (const build of builds) rmSync(build.outDir, { recursive: true, force: true });
  });

  async function build(options: Parameters<typeof buildShopApp>[0] = {}) {
    const built = await buildShopApp(options);
    builds.push(built);
    return built;
  }

  async function upload(project: Project, built: ShopAppBuild, extra: string[] = []) {
    const setup = { url: collector.url, token, project: project.name };
    const injected = await sentryCli(['sourcemaps', 'inject', built.outDir], setup);
    expect(injected.code, injected.output).toBe(0);
    const uploaded = await sentryCli(
      ['sourcemaps', 'upload', built.outDir, '--wait', ...extra],
      setup,
    );
    expect(uploaded.code, uploaded.output).toBe(0);
    return uploaded.output;
  }

  function serve(built: ShopAppBuild, html: string, path = '/') {
    site.serve(`/${built.script}`, readFileSync(join(built.outDir, built.script), 'utf8'));
    site.serve(path, html);
  }

  /** Clicks Buy and waits for the event the error becomes. */
  async function clickAndRead(project: Project, path: string, count = 1) {
    const page = await context.newPage();
    await page.goto(`${site.origin}${path}`);
    await page.click('#buy');
    const issue = await waitFor(
      async () => {
        const issues = await collector.api<Issue[]>(`/api/0/projects/${project.id}/issues/`);
        const total = issues.reduce((sum, entry) => sum + entry.count, 0);
        return total >= count ? issues[0] : undefined;
      },
      { what: `${count} events in ${project.name}`, timeoutMs: 60_000 },
    );
    await page.close();
    const event = await collector.api<SymbolicatedEvent>(
      `/api/0/issues/${issue.id}/events/latest/`,
    );
    return { issue, event, frames: event.exception.values.at(-1)?.stacktrace.frames ?? [] };
  }

  it('maps a Faultline SDK error to original files, lines, functions and context by release and URL', async () => {
    const project = await collector.createProject('sourcemaps-faultline');
    const first = await build();
    // What Sentry's bundler plugins do around the upload: create the release, then finalize it.
    const setup = { url: collector.url, token, project: project.name };
    const created = await sentryCli(['releases', 'new', 'shop@1.0.0'], setup);
    expect(created.output).toContain('Created release shop@1.0.0');
    const output = await upload(project, first, ['--release', 'shop@1.0.0']);
    const finalized = await sentryCli(['releases', 'finalize', 'shop@1.0.0'], setup);
    expect(finalized.output).toContain('Finalized release shop@1.0.0');
    expect(output).toContain(`~/${first.script}`);
    serve(first, faultlinePage(project.dsn, 'shop@1.0.0', first.script), '/first');
    const { issue, event, frames } = await clickAndRead(project, '/first');
    const app = frames.filter((frame) => frame.filename?.startsWith('src/'));
    expect(app.map((frame) => [frame.filename, frame.function, frame.lineno])).toEqual([
      ['src/main.js', expect.stringContaining('HTMLButtonElement'), 15],
      ['src/main.js', 'onBuy', 7],
      ['src/cart.js', 'checkout', 3],
      ['src/cart.js', 'validateCart', 9],
    ]);
    expect(frames.at(-1)).toMatchObject({ context_line: THROW_LINE, in_app: true });
    expect(frames.at(-1)?.pre_context?.at(-1)).toBe('  if (cart.items.length === 0) {');
    expect(event.exception.values.at(-1)?.raw_stacktrace?.frames.at(-1)?.abs_path).toBe(
      `${site.origin}/${first.script}`,
    );
    expect(event.symbolication).toMatchObject({ symbolicated: true, symbolicatedFrames: 4 });
    expect(issue.culprit).toBe('validateCart(cart.js)');

    // A rebuild with unrelated changes: new hash, moved columns, renamed minified functions.
    const second = await build({ variant: 'rebuild' });
    expect(second.script).not.toBe(first.script);
    await upload(project, second, ['--release', 'shop@1.0.1']);
    serve(second, faultlinePage(project.dsn, 'shop@1.0.1', second.script), '/second');
    const again = await clickAndRead(project, '/second', 2);
    expect(again.event.event_id).not.toBe(event.event_id);
    expect(again.event.symbolication?.symbolicated).toBe(true);
    const issues = await collector.api<Issue[]>(`/api/0/projects/${project.id}/issues/`);
    expect(issues.map((entry) => [entry.id, entry.count])).toEqual([[issue.id, 2]]);
  });

  it('maps an @sentry/browser error by debug ID without a release, its own frames not in-app', async () => {
    const project = await collector.createProject('sourcemaps-sentry-browser');
    const entry = `import * as Sentry from '@sentry/browser';
Sentry.init({ dsn: ${JSON.stringify(project.dsn)} });`;
    const built = await build({ entry });
    await upload(project, built);
    serve(built, sentryPage(built.script), '/sentry');
    const { frames, event } = await clickAndRead(project, '/sentry');
    expect(frames.at(-1)).toMatchObject({
      filename: 'src/cart.js',
      function: 'validateCart',
      lineno: 9,
      context_line: THROW_LINE,
      in_app: true,
    });
    const sdkFrames = frames.filter((frame) => frame.filename?.includes('node_modules/@sentry'));
    expect(sdkFrames.length).toBeGreaterThan(0);
    expect(sdkFrames.every((frame) => frame.in_app === false)).toBe(true);
    expect(event.symbolication?.notes ?? []).toEqual([]);
  });

  it('keeps frames as sent with a note for a wrong release, a missing map and a corrupt map', async () => {
    const project = await collector.createProject('sourcemaps-failures');
    const built = await build();
    await upload(project, built, ['--release', 'shop@2.0.0']);
    serve(built, faultlinePage(project.dsn, 'shop@9.9.9', built.script), '/wrong-release');
    const wrong = await clickAndRead(project, '/wrong-release');
    expect(wrong.frames.at(-1)?.abs_path).toBe(`${site.origin}/${built.script}`);
    expect(wrong.event.symbolication?.notes[0]).toMatchObject({ reason: 'no_source_map' });

    const noMap = await build();
    rmSync(join(noMap.outDir, noMap.map));
    await upload(project, noMap, ['--release', 'shop@3.0.0']);
    serve(noMap, faultlinePage(project.dsn, 'shop@3.0.0', noMap.script), '/no-map');
    const missing = await clickAndRead(project, '/no-map', 2);
    expect(missing.event.symbolication?.notes[0]).toMatchObject({ reason: 'no_source_map' });

    const corrupt = await build();
    await sentryCli(['sourcemaps', 'inject', corrupt.outDir], {
      url: collector.url,
      token,
      project: project.name,
    });
    writeFileSync(join(corrupt.outDir, corrupt.map), '{"version":3,"mappings":"');
    await upload(project, corrupt, ['--release', 'shop@4.0.0']);
    serve(corrupt, faultlinePage(project.dsn, 'shop@4.0.0', corrupt.script), '/corrupt');
    const broken = await clickAndRead(project, '/corrupt', 3);
    expect(broken.frames.at(-1)?.abs_path).toBe(`${site.origin}/${corrupt.script}`);
    expect(broken.event.symbolication?.notes[0]).toMatchObject({
      reason: 'unreadable_source_map',
      detail: 'the source map is not valid JSON',
    });
  });
});
