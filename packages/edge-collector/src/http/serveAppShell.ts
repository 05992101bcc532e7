import type { Env } from '../env';

/**
 * The dashboard's index.html for an app route the static-assets layer would mangle:
 * it decodes `%2F` in a path and redirects `/performance/%2Fcheckout` to
 * `/performance/checkout`, losing the transaction name's slashes. wrangler.toml
 * sends those paths to the Worker first, which answers with the app's shell as
 * the assets layer serves `/` (its `_headers`, CSP included).
 */
export function serveAppShell(request: Request, env: Env): Promise<Response> {
  return env.ASSETS.fetch(new Request(new URL('/', request.url), { headers: request.headers }));
}
