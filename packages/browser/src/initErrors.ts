import { setOptions } from './core/client.js';
import { debugLog } from './core/debugLog.js';
import { guard } from './core/guard.js';
import type { Options } from './core/options.js';
import { globalHandlers } from './integrations/globalHandlers.js';
import { on } from './lib/on.js';
import { sendStored } from './transport/send.js';

const flush = guard(sendStored);

/**
 * Starts the errors core (`options` is set when it runs): resolves the options once, listens for uncaught
 * errors and rejections, and sends the events an earlier
 * page could not: now, whenever the browser comes back online, and when the
 * page is hidden or left (it may not come back). An invalid DSN or
 * `enabled: false` turns the SDK off. Automatic breadcrumbs are installed by
 * `init` (ESM) or the breadcrumbs add-on (script tag).
 */
export const startErrors = (userOptions: Options) => {
  const options = setOptions(userOptions);
  if (__DEBUG__)
    debugLog(
      options ? 'log' : 'warn',
      options
        ? `on: events go to ${options._url}`
        : userOptions.enabled === false
          ? 'off: init was given enabled: false'
          : `off: the DSN ${JSON.stringify(userOptions.dsn)} is not valid; expected https://PUBLIC_KEY@HOST/PROJECT_ID`,
      userOptions.debug,
    );
  if (options) {
    // Adding the same listener again is a no-op, so a second init adds none.
    globalHandlers();
    // Back online, hidden (it may not come back) or left: a good time to
    // retry. `pagehide` too, for browsers that skip the visibilitychange
    // when a page is left; a retry when the page shows again costs nothing.
    for (const type of ['online', 'pagehide', 'visibilitychange']) on(window, type, flush);
    sendStored();
  }
};

/** `startErrors` that never throws into the page: the errors core's `init`. */
export const initErrors = guard(startErrors);
