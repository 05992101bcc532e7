import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/lib/localCollector.mjs';

/** raven-js as a team ships it: the package's own minified build, by script tag. */
const RAVEN_JS = readFileSync(join(repoRoot, 'node_modules/raven-js/dist/raven.min.js'), 'utf8');

/**
 * The app's script, plain and unbundled so the frames' lines are known:
 * `checkout` is on line 2, the `throw` in `refund` on line 6.
 */
export const APP_JS = `function checkout(cart) {
  return cart.items.length;
}
function refund(amount) {
  try {
    throw new RangeError('refund of ' + amount + ' is out of range');
  } catch (error) {
    Raven.captureException(error);
  }
}
document.getElementById('buy').addEventListener('click', function () { checkout(undefined); });
document.getElementById('refund').addEventListener('click', function () { refund(-5); });
document.getElementById('coupon').addEventListener('click', function () {
  Raven.captureMessage('coupon WELCOME10 has expired', { level: 'warning' });
});
`;

/** Set up as raven-js's docs say, with the DSN taken from the page's URL. */
const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>shop</title></head>
<body>
<button id="buy">buy</button><button id="refund">refund</button><button id="coupon">coupon</button>
<script src="/raven.min.js"></script>
<script>
Raven.config(new URLSearchParams(location.search).get('dsn'), {
  release: 'shop@4.2.0',
  environment: 'e2e',
}).install();
Raven.setUserContext({ id: 'u-42', email: 'ada@example.com' });
Raven.setTagsContext({ page: 'checkout', plan: 'pro' });
</script>
<script src="/app.js"></script>
</body></html>`;

export interface RavenJsPage {
  /** The page's origin, e.g. http://127.0.0.1:12345 */
  origin: string;
  stop: () => Promise<void>;
}

/** Serves the page, raven-js and the app's script from a loopback HTTP server. */
export async function serveRavenJsPage(): Promise<RavenJsPage> {
  const files: Record<string, [string, string]> = {
    '/': ['text/html', PAGE_HTML],
    '/raven.min.js': ['text/javascript', RAVEN_JS],
    '/app.js': ['text/javascript', APP_JS],
  };
  const server: Server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://page').pathname];
    if (!file) return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': `${file[0]}; charset=utf-8` }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
