// `npm run bench`: prints sizes next to @sentry/browser's and what capturing
// one error costs in headless Chromium. Figures only; nothing is asserted.
//
// Sizes: each SDK as an app would ship it, an entry `init({ dsn })` bundled
// by esbuild (minify, ESM with code splitting: the entry chunk every page
// load gets), gzip -9 and brotli 11; plus Faultline's own
// script-tag files as built.
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { brotliSize, dist, ensureBuilt, gzipSize, packageRoot, readDist } from './lib/build.mjs';

const DSN = 'https://0123456789abcdef0123456789abcdef@errors.example.com/1';
const CAPTURES = 2000;

// Only init and captureException are kept, so tree shaking works as in an app.
// ESM output with code splitting, as an app's bundler makes it: the entry
// chunk is what every page load gets (Faultline's performance part is a
// chunk of its own, fetched only by a sampled page load).
const bundle = (importFrom, globalName) =>
  bundleSource(
    `import { init, captureException } from '${importFrom}';\ninit({ dsn: '${DSN}' });\nwindow.${globalName} = { init, captureException };`,
  );

async function bundleSource(contents) {
  const result = await build({
    stdin: { contents, resolveDir: packageRoot },
    platform: 'browser',
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: 'bench-out',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  // The entry and the chunks it imports statically; not the `import()`ed one.
  return Buffer.concat(
    result.outputFiles
      .filter((file) => !file.path.includes('startPerf'))
      .map((file) => Buffer.from(file.contents)),
  );
}

const row = (name, bytes) =>
  `${name.padEnd(46)} ${String(gzipSize(bytes)).padStart(6)} ${String(brotliSize(bytes)).padStart(7)}`;

ensureBuilt();
const faultlineApp = await bundle(join(dist, 'faultline.mjs'), 'Faultline');
const sentryApp = await bundle('@sentry/browser', 'Sentry');
const core = readDist('faultline.min.js');
const addon = readDist('breadcrumbs.min.js');

console.log(`${'size (bytes)'.padEnd(46)} ${'gzip'.padStart(6)} ${'brotli'.padStart(7)}`);
console.log(row('faultline.min.js (errors core, script tag)', core));
console.log(row('+ breadcrumbs.min.js (add-on)', Buffer.concat([core, addon])));
console.log(row('loader.min.js', readDist('loader.min.js')));
console.log(row('Faultline ESM, init({dsn}), esbuild min', faultlineApp));
console.log(row('@sentry/browser init({dsn}), esbuild min', sentryApp));
console.log(
  `@sentry/browser is ${(gzipSize(sentryApp) / gzipSize(faultlineApp)).toFixed(1)}x Faultline's ESM app bundle (gzip)`,
);

// Capture cost: the SDK's own work per error, the same page for both SDKs.
// fetch is stubbed before either loads (answering 200 at once), so the
// browser's network stack is not what is timed; distinct errors so dedupe
// keeps them all.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
async function microsecondsPerCapture(script, globalName) {
  const page = await browser.newPage();
  await page.route('https://app.example.com/', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  await page.goto('https://app.example.com/');
  await page.evaluate(() => {
    window.fetch = () => Promise.resolve(new Response('{}', { status: 200 }));
    navigator.sendBeacon = () => true;
  });
  await page.addScriptTag({ content: script.toString() });
  if (globalName === 'FaultlineCore')
    await page.evaluate(() => {
      window.FaultlineCore = window.Faultline;
    });
  const perCapture = await page.evaluate(
    ([name, count, dsn]) => {
      const sdk = window[name];
      // Faultline caps events per page by default; lift the cap for the bench.
      if (name === 'FaultlineCore') sdk.init({ dsn, maxEventsPerPage: Number.POSITIVE_INFINITY });
      const errors = Array.from({ length: count }, (_, i) => new TypeError(`failure ${i}`));
      for (const error of errors.slice(0, 100)) sdk.captureException(error); // warm up
      const start = performance.now();
      for (const error of errors.slice(100)) sdk.captureException(error);
      return ((performance.now() - start) * 1000) / (count - 100);
    },
    [globalName, CAPTURES, DSN],
  );
  await page.close();
  return perCapture;
}
const faultlineUs = await microsecondsPerCapture(core, 'FaultlineCore');
const sentryUs = await microsecondsPerCapture(sentryApp, 'Sentry');
console.log(`\ncaptureException in Chromium, mean of ${CAPTURES - 100} distinct errors:`);
console.log(`  Faultline       ${faultlineUs.toFixed(1)} µs per error`);
console.log(`  @sentry/browser ${sentryUs.toFixed(1)} µs per error`);

// Performance: the part a sampled page load fetches, next to @sentry/browser's
// errors + tracing (browserTracingIntegration) bundled the same way.
const sentryTracing = await bundleSource(
  `import { init, captureException, browserTracingIntegration } from '@sentry/browser';\ninit({ dsn: '${DSN}', tracesSampleRate: 1, integrations: [browserTracingIntegration()] });\nwindow.Sentry = { init, captureException };`,
);
const perf = readDist('perf.min.js');
const tracing = readDist('faultline.tracing.min.js');
const sampled = Buffer.concat([tracing, perf]);
console.log(`\n${'size (bytes)'.padEnd(46)} ${'gzip'.padStart(6)} ${'brotli'.padStart(7)}`);
console.log(row('perf.min.js (performance part, web-vitals in)', perf));
console.log(row('faultline.tracing.min.js (core + hook)', tracing));
console.log(row('tracing bundle + perf.min.js (sampled load)', sampled));
console.log(row('@sentry/browser errors + browserTracing', sentryTracing));
console.log(
  `@sentry/browser errors + tracing is ${(gzipSize(sentryTracing) / gzipSize(sampled)).toFixed(1)}x what a sampled Faultline page load fetches (gzip)`,
);

// Main-thread time of the performance part in a page load: Chromium's own
// task time (CDP Performance.TaskDuration) for the same page with the
// tracing bundle at tracesSampleRate 1 and 0, load plus hiding (when the
// transaction is built and sent), median of RUNS loads each.
const RUNS = 15;
async function taskMs(rate) {
  const page = await browser.newPage();
  await page.route('https://app.example.com/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><script src="/sdk/faultline.tracing.min.js"></script><script>Faultline.init({ dsn: '${DSN}', tracesSampleRate: ${rate} })</script><p>${'text '.repeat(200)}</p>`,
      });
    }
    if (path.startsWith('/sdk/')) {
      return route.fulfill({ contentType: 'text/javascript', body: readDist(path.slice(5)) });
    }
    return route.fulfill({ status: 200, body: '{}' });
  });
  await page.route('https://errors.example.com/**', (route) =>
    route.fulfill({ status: 200, body: '{}' }),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  // Waited for from here, not by polling in the page, which would add tasks
  // to the sampled runs only.
  const perfLoaded =
    rate &&
    page.waitForEvent('requestfinished', (request) => request.url().endsWith('/perf.min.js'));
  await page.goto('https://app.example.com/', { waitUntil: 'load' });
  await perfLoaded;
  await page.waitForTimeout(300);
  // The hiding itself, timed in the page: the visibilitychange listeners run
  // synchronously, the performance part's among them (it builds and sends
  // the transaction there).
  const hidingMs = await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    const start = performance.now();
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    return performance.now() - start;
  });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const loaded = await page.evaluate(
    () => performance.getEntriesByName('https://app.example.com/sdk/perf.min.js').length,
  );
  if (loaded !== rate) throw new Error(`perf.min.js loaded ${loaded} times at rate ${rate}`);
  await page.close();
  return [1000 * metrics.find((metric) => metric.name === 'TaskDuration').value, hidingMs];
}
const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
const withPerf = [];
const withoutPerf = [];
const hidingWithPerf = [];
for (let run = 0; run < RUNS; run++) {
  const [sampledMs, hidingMs] = await taskMs(1);
  withPerf.push(sampledMs);
  hidingWithPerf.push(hidingMs);
  withoutPerf.push((await taskMs(0))[0]);
}
await browser.close();
console.log(`\nmain-thread task time of a page load in Chromium, median of ${RUNS}:`);
console.log(`  tracesSampleRate 0 (no performance part) ${median(withoutPerf).toFixed(1)} ms`);
console.log(`  tracesSampleRate 1 (+ performance part) ${median(withPerf).toFixed(1)} ms`);
console.log(
  `  the performance part costs              ${(median(withPerf) - median(withoutPerf)).toFixed(1)} ms`,
);
console.log(
  `  of which the hiding (transaction built and sent, one task) ${median(hidingWithPerf).toFixed(1)} ms`,
);
