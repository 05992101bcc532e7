// The ESM build's half of performance: a page load the sample keeps imports
// the performance part with `import()`, which bundlers split into a chunk of
// its own; one left out fetches none. Until it has arrived (for ever when
// not sampled) `startSpan` only runs the callback and a transaction name waits.
import type { ResolvedOptions } from './core/options.js';
import { setContext } from './core/scope.js';
import type { PerfApi } from './perf/startPerf.js';
import type { SpanContext } from './perf/startSpan.js';

let perf: PerfApi | undefined;
let loading = false;
let name: string | undefined;

/** Imports and starts the performance part, once; a chunk that fails to load costs the page nothing. */
export const loadPerfChunk = (options: ResolvedOptions) => {
  if (loading) return;
  loading = true;
  import('./perf/startPerf.js').then(
    (part) => {
      perf = part.startPerf(options, options._url, setContext, name);
    },
    () => {},
  );
};

/**
 * Times `callback` as a span of the current page load or navigation and
 * returns its result (a promise's span ends when it settles). When the page
 * load is not sampled, it only calls the callback.
 * @example const order = await startSpan({ name: 'load order', op: 'ui.load' }, () => fetchOrder(id));
 */
export const startSpan = <T>(context: SpanContext, callback: () => T): T =>
  perf ? perf.startSpan(context, callback) : callback();

/**
 * Names the current page load or navigation, e.g. by its route
 * (`/orders/:id`), instead of its URL path.
 * @example setTransactionName('/orders/:id')
 */
export const setTransactionName = (transactionName: string) => {
  if (perf) perf.setTransactionName(transactionName);
  else name = transactionName;
};
