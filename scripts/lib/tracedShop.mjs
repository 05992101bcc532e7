// Real performance data for the dashboard's screenshots: a small shop page with
// @sentry/browser 11 and its browser tracing integration (streamed spans, web
// vitals sent when the page is hidden), whose fetch reaches the FastAPI example
// under Debian's sentry-sdk, which fails with an error of the same trace.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { freePort, repoRoot } from './localCollector.mjs';

const PAGE_SCRIPT = `
import * as Sentry from '@sentry/browser';
import { sendLateWebVitals } from './sendLateWebVitals.mjs';
Sentry.init({
  dsn: new URLSearchParams(location.search).get('dsn'),
  release: 'shop-web@2.3.0',
  environment: 'production',
  integrations: [Sentry.browserTracingIntegration()],
  tracesSampleRate: 1,
});
const slow = document.getElementById('slow');
slow.addEventListener('click', () => {
  const end = performance.now() + Number(slow.dataset.ms);
  while (performance.now() < end) {}
  slow.textContent = 'done';
});
new PerformanceObserver((list) => {
  if (list.getEntries().some((entry) => entry.name === 'click')) window.clickTimed = true;
}).observe({ type: 'event', durationThreshold: 16 });
fetch('/api/orders/17').then((response) => response.text()).then(() => { window.requestsDone = true; });
`;

/** A banner pushes the text down (CLS) and a large image arrives after `delay` ms (LCP). */
const pageHtml = (delay, clickMs) => `<!doctype html>
<html><head><meta charset="utf-8"><title>shop</title></head>
<body><div id="top"></div><p>shop</p><button id="slow" data-ms="${clickMs}">buy</button>
<script src="/app.js"></script>
<script>
setTimeout(() => {
  document.getElementById('top').innerHTML = '<div style="height:120px">banner</div>';
  const img = new Image(800, 500);
  img.src = '/hero.svg';
  document.body.appendChild(img);
}, ${delay});
</script></body></html>`;

const HERO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect width="800" height="500" fill="#48a"/></svg>`;

/** Starts the FastAPI example on a free port; resolves once it answers. */
async function startBackend(dsn) {
  const port = await freePort();
  const child = spawn(
    process.env.SYSTEM_PYTHON ?? '/usr/bin/python3',
    ['-m', 'uvicorn', 'app:app', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: join(repoRoot, 'examples/fastapi'),
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', SENTRY_DSN: dsn },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error('the FastAPI example exited');
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error('the FastAPI example did not answer within 30 s');
}

/**
 * Serves the shop on loopback, its `/api/orders/:id` forwarded to the backend
 * with the browser's trace headers. Page paths take `?delay=` (ms before the
 * LCP image) and `?click=` (ms the button's handler blocks, INP).
 */
export async function startTracedShop(dsn) {
  const backend = await startBackend(dsn);
  const bundle = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: repoRoot, loader: 'js', sourcefile: 'shop.js' },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0].text;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://shop');
    if (url.pathname === '/app.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else if (url.pathname === '/hero.svg') {
      response.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(HERO_SVG);
    } else if (url.pathname.startsWith('/api/')) {
      const headers = {};
      for (const name of ['sentry-trace', 'baggage']) {
        if (typeof request.headers[name] === 'string') headers[name] = request.headers[name];
      }
      const answer = await fetch(`${backend.url}${url.pathname.slice(4)}`, { headers }).catch(
        () => null,
      );
      response.writeHead(answer?.status ?? 502).end(answer ? await answer.text() : '');
    } else {
      const delay = Number(url.searchParams.get('delay') ?? 300);
      const click = Number(url.searchParams.get('click') ?? 100);
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(pageHtml(delay, click));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await backend.stop();
    },
  };
}

/**
 * One page load in `browser`: loads `path`, waits until the collector holds its
 * page load (`hasPageload(traceId)`), clicks, hides the tab so the late web
 * vitals are sent, and waits for them (`hasVitals(traceId)`). Returns the trace id.
 */
export async function visit(browser, url, { hasPageload, hasVitals }) {
  const page = await browser.newPage();
  const traced = page.waitForRequest((request) => request.url().includes('/api/orders/'));
  await page.goto(url);
  const traceId = String((await traced).headers()['sentry-trace']).split('-')[0];
  await page.waitForFunction(() => window.requestsDone && document.images[0]?.complete);
  await until(() => hasPageload(traceId), 'the page load');
  await sendLateWebVitals(page);
  await until(() => hasVitals(traceId), 'the late web vitals');
  await page.close();
  return traceId;
}

async function until(check, what) {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}
