import { addBreadcrumb } from './core/breadcrumbs.js';
import { options as started } from './core/client.js';
import type { Options } from './core/options.js';
import { tracesSampled } from './core/tracesSampled.js';
import { initErrors } from './initErrors.js';
import { installBreadcrumbs } from './integrations/breadcrumbs/installBreadcrumbs.js';
import { loadPerfChunk } from './perfChunk.js';

/**
 * Starts the SDK: error capture (see `initErrors`) plus the automatic
 * breadcrumbs the options leave on, and for a page load `tracesSampleRate`
 * keeps, the performance part (a chunk of its own, fetched only then). Call
 * it once, as early as possible; a later call changes the options, not what
 * is installed.
 * @example init({ dsn: 'https://abc123@errors.example.com/1', release: 'shop@1.4.2' })
 */
export const init = (options: Options) => {
  initErrors(options);
  installBreadcrumbs(options, addBreadcrumb);
  if (started && tracesSampled(options)) loadPerfChunk(started);
};
