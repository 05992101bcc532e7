import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { repoRoot } from '../../../scripts/lib/localCollector.mjs';

/**
 * The page's script: @sentry/browser (the npm package) with its browser
 * tracing integration, every page load sampled, as an app would set it up.
 * On load it fetches its own API; a button runs a 300 ms click handler (INP).
 */
const PAGE_SCRIPT = `
import * as Sentry from '@sentry/browser';

const dsn = new URLSearchParams(location.search).get('dsn');
Sentry.init({
  dsn,
  release: 'web@4.0.0',
  environment: 'e2e',
  integrations: [Sentry.browserTracingIntegration()],
  tracesSampleRate: 1,
});
document.getElementById('slow').addEventListener('click', () => {
  const end = performance.now() + 300;
  while (performance.now() < end) {}
  document.getElementById('slow').textContent = 'done';
});
// INP is known once the click's event timing entry exists.
new PerformanceObserver((list) => {
  if (list.getEntries().some((entry) => entry.name === 'click')) window.clickTimed = true;
}).observe({ type: 'event', durationThreshold: 16 });
fetch('/api/orders/17?token=e2e-secret-token')
  .then((response) => response.text())
  .then(() => { window.requestsDone = true; });
`;

/** A banner pushes the text down (CLS), then a large image arrives late (LCP). */
const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>orders</title></head>
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

export interface SentryTracingPage {
  /** The page's origin, e.g. http://127.0.0.1:12345 */
  origin: string;
  /** Headers of each request the page made to its API. */
  apiRequests: IncomingHttpHeaders[];
  stop: () => Promise<void>;
}

/** Forwards an API request to a backend, with the trace headers the browser sent. */
async function forward(upstream: string, path: string, headers: IncomingHttpHeaders) {
  const traceHeaders: Record<string, string> = {};
  for (const name of ['sentry-trace', 'baggage']) {
    const value = headers[name];
    if (typeof value === 'string') traceHeaders[name] = value;
  }
  const answer = await fetch(`${upstream}${path}`, { headers: traceHeaders });
  return { status: answer.status, body: await answer.text() };
}

/**
 * Bundles the page script with esbuild and serves page, script, image and API
 * on loopback. With `apiUpstream`, `/api/orders/:id` is forwarded to
 * `<apiUpstream>/orders/:id` (a backend on the page's origin, as behind a proxy).
 */
export async function serveSentryTracingPage(
  options: { apiUpstream?: string } = {},
): Promise<SentryTracingPage> {
  const bundle = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: repoRoot, loader: 'js', sourcefile: 'page.js' },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const apiRequests: IncomingHttpHeaders[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page').pathname;
    if (path === '/app.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else if (path === '/hero.svg') {
      response.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(HERO_SVG);
    } else if (path.startsWith('/api/orders/')) {
      apiRequests.push(request.headers);
      if (!options.apiUpstream) {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":17}');
        return;
      }
      forward(options.apiUpstream, path.slice('/api'.length), request.headers).then(
        ({ status, body }) => response.writeHead(status).end(body),
        () => response.writeHead(502).end(),
      );
    } else if (path.startsWith('/orders/')) {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE_HTML);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    apiRequests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
