// The script-tag bundle, the errors core within the 2 KB budget, as
// `window.Faultline`. Automatic breadcrumbs come from the breadcrumbs add-on
// (breadcrumbs.min.js), which the loader snippet loads too; performance from
// perf.min.js, which the core loads itself when the page load is sampled.
import { addBreadcrumb } from './core/breadcrumbs.js';
import { captureException } from './core/captureException.js';
import { captureMessage } from './core/captureMessage.js';
import { options as started } from './core/client.js';
import { guard } from './core/guard.js';
import type { Options } from './core/options.js';
import { setContext, setTag, setTags, setUser } from './core/scope.js';
import { startErrors } from './initErrors.js';
import { captureGlobalEvent } from './integrations/globalHandlers.js';
import { perfScript, perfSrc } from './perfScript.js';

(window as unknown as { Faultline: object }).Faultline = {
  // A page load the traces sample keeps loads perf.min.js, which replaces
  // `startSpan` and `setTransactionName`.
  // Once per page: a second init moves the same element, which runs once.
  init: guard((options: Options) => {
    startErrors(options);
    if (started && Math.random() < (options.tracesSampleRate as number))
      document.head.append(Object.assign(perfScript, { src: perfSrc, options }));
  }),
  captureException,
  captureMessage,
  setUser,
  setTag,
  setTags,
  setContext,
  addBreadcrumb,
  captureErrorEvent: captureGlobalEvent,
  // Until perf.min.js replaces them (for ever when not sampled): the
  // callback only runs, and the name waits for perf.min.js.
  startSpan: <T>(_: unknown, callback: () => T) => callback(),
  setTransactionName: (name: string) => {
    perfScript.transactionName = name;
  },
};
