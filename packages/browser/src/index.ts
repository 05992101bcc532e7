export { addBreadcrumb } from './core/breadcrumbs.js';
export { captureException } from './core/captureException.js';
export { captureMessage } from './core/captureMessage.js';
export type { BreadcrumbOptions, Options } from './core/options.js';
export { setContext, setTag, setTags, setUser } from './core/scope.js';
export type { Span, TransactionEvent } from './core/transactionTypes.js';
export type {
  Breadcrumb,
  CaptureContext,
  Event,
  EventHint,
  ExceptionValue,
  Level,
  User,
} from './core/types.js';
export { init } from './init.js';
export { initErrors } from './initErrors.js';
export { captureGlobalEvent as captureErrorEvent } from './integrations/globalHandlers.js';
export type { SpanContext } from './perf/startSpan.js';
export { setTransactionName, startSpan } from './perfChunk.js';
