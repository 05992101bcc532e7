export { addBreadcrumb } from './core/breadcrumbs';
export { captureException } from './core/captureException';
export { captureMessage } from './core/captureMessage';
export type { BreadcrumbOptions, Options } from './core/options';
export { setContext, setTag, setTags, setUser } from './core/scope';
export type {
  Breadcrumb,
  CaptureContext,
  Event,
  EventHint,
  ExceptionValue,
  Level,
  User,
} from './core/types';
export { init } from './init';
export { initErrors } from './initErrors';
export { captureGlobalEvent as captureErrorEvent } from './integrations/globalHandlers';
