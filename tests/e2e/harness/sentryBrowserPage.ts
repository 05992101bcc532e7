import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { repoRoot } from '../../../scripts/lib/localCollector.mjs';

/**
 * The page's script: @sentry/browser (the npm package) set up as an app
 * would, with a button whose handler throws. The DSN comes from the URL.
 */
const PAGE_SCRIPT = `
import * as Sentry from '@sentry/browser';

const dsn = new URLSearchParams(location.search).get('dsn');
Sentry.init({ dsn, release: 'web@3.1.0', environment: 'e2e' });
Sentry.setUser({ id: 'u-7' });
Sentry.setTag('page', 'checkout');

function checkout(cart) {
  return cart.items.length;
}
document.getElementById('buy').addEventListener('click', () => checkout(undefined));
document.getElementById('reject').addEventListener('click', () => {
  Promise.reject('payment declined');
});
window.sentryReady = true;
`;

const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>shop</title></head>
<body><button id="buy">buy</button><button id="reject">reject</button>
<script src="/app.js"></script></body></html>`;

export interface SentryBrowserPage {
  /** The page's origin, e.g. http://127.0.0.1:12345 */
  origin: string;
  stop: () => Promise<void>;
}

/** Bundles the page script with esbuild and serves it from a loopback HTTP server. */
export async function serveSentryBrowserPage(): Promise<SentryBrowserPage> {
  const bundle = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: repoRoot, loader: 'js', sourcefile: 'page.js' },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page').pathname;
    if (path === '/app.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else if (path === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE_HTML);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
