// `npm run bench`: prints sizes next to @sentry/browser's and what capturing
// one error costs in headless Chromium. Figures only; nothing is asserted.
//
// Sizes: each SDK as an app would ship it, an entry `init({ dsn })` bundled
// by esbuild (minify, IIFE), gzip -9 and brotli 11; plus Faultline's own
// script-tag files as built.
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { brotliSize, dist, ensureBuilt, gzipSize, packageRoot, readDist } from './lib/build.mjs';

const DSN = 'https://0123456789abcdef0123456789abcdef@errors.example.com/1';
const CAPTURES = 2000;

// Only init and captureException are kept, so tree shaking works as in an app.
async function bundle(importFrom, globalName) {
  const result = await build({
    stdin: {
      contents: `import { init, captureException } from '${importFrom}';\ninit({ dsn: '${DSN}' });\nwindow.${globalName} = { init, captureException };`,
      resolveDir: packageRoot,
    },
    platform: 'browser',
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(result.outputFiles[0].contents);
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
await browser.close();
console.log(`\ncaptureException in Chromium, mean of ${CAPTURES - 100} distinct errors:`);
console.log(`  Faultline       ${faultlineUs.toFixed(1)} µs per error`);
console.log(`  @sentry/browser ${sentryUs.toFixed(1)} µs per error`);
