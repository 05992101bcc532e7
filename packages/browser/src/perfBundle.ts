// The performance part for script tags (perf.min.js). The tracing bundle
// loads it for a page load the traces sample keeps, handing it the options
// of `init` and the envelope URL on its script element; it replaces
// `Faultline.startSpan` and `Faultline.setTransactionName`, which until
// then only run the callback and keep the name. Runs once per page: the
// bundle appends its one element, which a second append does not run again.

import type { Options } from './core/options.js';
import { startPerf } from './perf/startPerf.js';
import type { PerfScript } from './perfScript.js';

type Faultline = { setContext: (name: string, context: Record<string, unknown>) => void };

try {
  const { options, url, transactionName, src } = document.currentScript as PerfScript;
  const faultline = (window as unknown as { Faultline: Faultline }).Faultline;
  Object.assign(
    faultline,
    startPerf(options as Options, url as string, faultline.setContext, transactionName, src),
  );
} catch {
  // Performance stays off; errors are still captured.
}
