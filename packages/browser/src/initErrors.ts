import { clearBreadcrumbs } from './core/breadcrumbs';
import { setOptions } from './core/client';
import { envelopeUrl } from './core/dsn';
import { guard } from './core/guard';
import { type Options, resolveOptions } from './core/options';
import { globalHandlers } from './integrations/globalHandlers';
import { on } from './lib/on';
import { configureTransport, sendStored } from './transport/send';

let installed = false;

/**
 * Starts the errors core: resolves the options once, listens for uncaught
 * errors and rejections (once per page), and sends the events an earlier
 * page could not, now and whenever the browser comes back online. An invalid
 * DSN or `enabled: false` turns the SDK off. Automatic breadcrumbs are
 * installed by `init` (ESM) or the breadcrumbs add-on (script tag).
 */
export const initErrors = guard((userOptions: Options) => {
  const endpoint = envelopeUrl(userOptions.dsn) as string;
  const options = endpoint && userOptions.enabled !== false && resolveOptions(userOptions);
  setOptions(options || undefined);
  if (!options) return;
  clearBreadcrumbs();
  configureTransport(userOptions.tunnel || endpoint, userOptions.tunnel && userOptions.dsn);
  if (!installed) {
    installed = true;
    globalHandlers();
    on(window, 'online', guard(sendStored));
  }
  sendStored();
});
