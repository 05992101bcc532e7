// The script-tag bundle, the errors core within the 2 KB budget, as
// `window.Faultline`. Automatic breadcrumbs come from the breadcrumbs add-on
// (breadcrumbs.min.js), which the loader snippet loads too.
import { addBreadcrumb } from './core/breadcrumbs';
import { captureException } from './core/captureException';
import { captureMessage } from './core/captureMessage';
import { setContext, setTag, setTags, setUser } from './core/scope';
import { initErrors } from './initErrors';
import { captureGlobalEvent } from './integrations/globalHandlers';

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
