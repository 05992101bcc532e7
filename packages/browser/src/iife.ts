// The script-tag bundle, the errors core within the 2 KB budget, as
// `window.Faultline`. Automatic breadcrumbs come from the breadcrumbs add-on
// (breadcrumbs.min.js), which the loader snippet loads too.
import { addBreadcrumb } from './core/breadcrumbs.js';
import { captureException } from './core/captureException.js';
import { captureMessage } from './core/captureMessage.js';
import { setContext, setTag, setTags, setUser } from './core/scope.js';
import { initErrors } from './initErrors.js';
import { captureGlobalEvent } from './integrations/globalHandlers.js';

(window as unknown as { Faultline: object }).Faultline = {
  init: initErrors,
  captureException,
  captureMessage,
  setUser,
  setTag,
  setTags,
  setContext,
  addBreadcrumb,
  captureErrorEvent: captureGlobalEvent,
};
