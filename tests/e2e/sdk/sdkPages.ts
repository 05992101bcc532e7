import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../../../scripts/lib/localCollector.mjs';

const sdkRoot = join(repoRoot, 'packages/browser');
const dist = join(sdkRoot, 'dist');

/** The SDK bundles as the build wrote them (built here if `npm run build` has not run). */
export function sdkFile(
  name:
    | 'faultline.min.js'
    | 'faultline.tracing.min.js'
    | 'perf.min.js'
    | 'breadcrumbs.min.js'
    | 'loader.min.js',
): string {
  if (!existsSync(join(dist, name))) execSync('npx rollup -c --silent', { cwd: sdkRoot });
  return readFileSync(join(dist, name), 'utf8');
}

export interface PageServer {
  /** e.g. http://127.0.0.1:12345 */
  origin: string;
  /** Serves `body` at `path` (HTML unless the path ends in .js), optionally after a delay. */
  serve(path: string, body: string, delayMs?: number): void;
  /** Answers requests under `/api/` (a stand-in collector), recording them. */
  answerApi(answer: (request: IncomingMessage, body: string) => ApiAnswer): void;
  apiRequests: { url: string; body: string }[];
  stop(): Promise<void>;
}

export interface ApiAnswer {
  status: number;
  headers?: Record<string, string>;
}

/**
 * A loopback server for test pages: any path can be given a body; the SDK
 * bundles are at /sdk/. Under /api/ it can stand in for the collector, with
 * the CORS headers a browser needs to read a 429's back-off headers.
 */
export async function startPageServer(): Promise<PageServer> {
  const routes = new Map<string, { body: string; delayMs: number }>();
  for (const name of [
    'faultline.min.js',
    'faultline.tracing.min.js',
    'perf.min.js',
    'breadcrumbs.min.js',
    'loader.min.js',
  ] as const) {
    routes.set(`/sdk/${name}`, { body: sdkFile(name), delayMs: 0 });
  }
  let api: (request: IncomingMessage, body: string) => ApiAnswer = () => ({ status: 200 });
  const apiRequests: PageServer['apiRequests'] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://page');
    if (url.pathname.startsWith('/api/')) {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const cors = {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': 'Retry-After, X-Sentry-Rate-Limits',
      };
      if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
      apiRequests.push({ url: request.url ?? '', body });
      const answer = api(request, body);
      return response
        .writeHead(answer.status, {
          ...cors,
          'Content-Type': 'application/json',
          ...answer.headers,
        })
        .end('{}');
    }
    const route = routes.get(url.pathname);
    if (!route) return response.writeHead(404).end();
    if (route.delayMs) await new Promise((resolve) => setTimeout(resolve, route.delayMs));
    const type = /\.m?js$/.test(url.pathname)
      ? 'text/javascript'
      : url.pathname.endsWith('.svg')
        ? 'image/svg+xml'
        : 'text/html';
    response.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(route.body);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    serve: (path, body, delayMs = 0) => routes.set(path, { body, delayMs }),
    answerApi: (answer) => {
      api = answer;
    },
    apiRequests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A page that loads the SDK by script tags (core, then the breadcrumbs
 * add-on), inits it with `options` (JSON, plus `extra` JS for functions such
 * as beforeSend) and then runs `body`.
 */
export function sdkPage(options: Record<string, unknown>, body = '', extra = ''): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>sdk test</title></head>
<body>
<button id="buy" class="primary">Buy</button>
<script src="/sdk/faultline.min.js"></script>
<script src="/sdk/breadcrumbs.min.js"></script>
<script>
Faultline.init(Object.assign(${JSON.stringify(options)}, {${extra}}));
</script>
<script src="/app.js"></script>
<script>${body}</script>
</body></html>`;
}

/** Opens `url` and collects the errors the page itself saw, to show none came from the SDK. */
export async function openPage(context: BrowserContext, url: string) {
  const page: Page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  return { page, pageErrors };
}
