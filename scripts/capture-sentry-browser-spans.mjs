// Captures what @sentry/browser 11 with its browser tracing integration really
// sends for one page load in headless Chromium: a page with a late large
// image (LCP), a layout shift (CLS), a slow click handler (INP), a same-origin
// fetch to a numeric-id URL and a cross-origin one. A loopback server plays
// both the page's origin and the DSN's host and writes every envelope body,
// as received, to packages/edge-collector/test/fixtures/sentry-browser-spans/.
//
//   node scripts/capture-sentry-browser-spans.mjs            span v2 stream (11.x default)
//   node scripts/capture-sentry-browser-spans.mjs static     a transaction event instead
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { repoRoot } from './lib/localCollector.mjs';

const STATIC = process.argv[2] === 'static';
const OUT = join(
  repoRoot,
  `packages/edge-collector/test/fixtures/${STATIC ? 'sentry-browser-transaction' : 'sentry-browser-spans'}`,
);

// Fixed ports, so the two captures describe the same URLs.
const PORT = 47017;
const OTHER_PORT = 47018;
const origin = `http://127.0.0.1:${PORT}`;
const otherOrigin = `http://localhost:${OTHER_PORT}`;
const dsn = `http://0123456789abcdef0123456789abcdef@127.0.0.1:${PORT}/1`;

const PAGE_SCRIPT = `
import * as Sentry from '@sentry/browser';
import { sendLateWebVitals } from './lib/sendLateWebVitals.mjs';
Sentry.init({
  dsn: ${JSON.stringify(dsn)},
  release: 'web@3.1.0',
  environment: 'capture',
  integrations: [Sentry.browserTracingIntegration()],
  tracesSampleRate: 1,
  tracePropagationTargets: [location.origin],
  ${STATIC ? "traceLifecycle: 'static'," : ''}
});
document.getElementById('slow').addEventListener('click', () => {
  const end = performance.now() + 300;
  while (performance.now() < end) {}
  document.getElementById('slow').textContent = 'done';
});
// INP is reported once the click's event timing entry exists.
new PerformanceObserver((list) => {
  if (list.getEntries().some((entry) => entry.name === 'click')) window.clickTimed = true;
}).observe({ type: 'event', durationThreshold: 16 });
(async () => {
  await fetch('/api/orders/17?token=s3cr3t-token').then((r) => r.text());
  await fetch('${otherOrigin}/cross/items/5f0c9a7e-0b1e-4c5a-9d2f-3a4b5c6d7e8f').then((r) => r.text());
  window.requestsDone = true;
})();
`;

const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>shop</title></head>
<body><div id="top"></div><p>orders</p><button id="slow">slow</button>
<script src="/app.js"></script>
<script>
setTimeout(() => {
  document.getElementById('top').innerHTML = '<div style="height:120px">banner</div>';
  const img = new Image(800, 500);
  img.src = '/hero.svg';
  document.body.appendChild(img);
}, 300);
</script></body></html>`;

const HERO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect width="800" height="500" fill="#48a"/></svg>`;

const bundle = await build({
  stdin: { contents: PAGE_SCRIPT, resolveDir: repoRoot, loader: 'js', sourcefile: 'page.js' },
  bundle: true,
  format: 'iife',
  target: 'es2020',
  write: false,
  logLevel: 'silent',
});
const script = bundle.outputFiles[0].text;

const envelopes = [];
async function waitForEnvelope(test) {
  const deadline = Date.now() + 60_000;
  while (!envelopes.some(test)) {
    if (Date.now() > deadline) {
      const ops = envelopes.map((body) => body.match(/"sentry\.op":\{"value":"[^"]+"/g)?.join(' '));
      throw new Error(`timed out waiting for an envelope; got ${JSON.stringify(ops)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
function serve(port, handler) {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' };
const site = await serve(PORT, (request, response) => {
  const path = new URL(request.url ?? '/', 'http://page').pathname;
  if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
  if (path.endsWith('/envelope/')) {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      envelopes.push(Buffer.concat(chunks).toString('utf8'));
      response.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end('{}');
    });
    return;
  }
  if (path === '/app.js')
    return response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
  if (path === '/hero.svg') {
    return setTimeout(
      () => response.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(HERO_SVG),
      400,
    );
  }
  if (path.startsWith('/api/orders/'))
    return response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":17}');
  if (path.startsWith('/orders/'))
    return response.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE_HTML);
  response.writeHead(404).end();
});
const other = await serve(OTHER_PORT, (_request, response) =>
  response.writeHead(200, cors).end('ok'),
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();
await page.goto(`${origin}/orders/17`);
await page.waitForFunction(() => document.images.length > 0 && document.images[0].complete);
await page.waitForFunction(() => window.requestsDone);
// The page load ends when idle and its spans are flushed first; the vitals
// reported when the page is hidden then come in envelopes of their own.
await waitForEnvelope((body) =>
  body.includes(STATIC ? '"type":"transaction"' : '"is_segment":true'),
);
// Hidden, as when the user switches tabs: web vitals report, the span buffer flushes.
await sendLateWebVitals(page);
await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
if (!STATIC) {
  await waitForEnvelope((body) => body.includes('ui.webvital.lcp'));
  await waitForEnvelope((body) => body.includes('ui.webvital.cls'));
  await waitForEnvelope((body) => body.includes('ui.interaction.'));
}
await browser.close();
site.close();
other.close();

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const [index, body] of envelopes.entries()) {
  writeFileSync(join(OUT, `${String(index + 1).padStart(2, '0')}.envelope`), body);
}
console.log(`${envelopes.length} envelopes from ${origin} written to ${OUT}`);
