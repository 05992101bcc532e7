// The performance bundle for script tags (perf.min.js). The errors core
// loads it for a page load the traces sample keeps, handing it the options
// of `init` on its script element; it replaces `Faultline.startSpan` and
// `Faultline.setTransactionName`, which until then only run the callback
// and keep the name.
import { startPerf } from './perf/startPerf.js';
import type { PerfScript } from './perfScript.js';

type Faultline = { setContext: (name: string, context: Record<string, unknown>) => void };

try {
  const script = document.currentScript as PerfScript | null;
  const faultline = (window as unknown as { Faultline?: Faultline }).Faultline;
  if (script?.options && faultline) {
    Object.assign(
      faultline,
      startPerf(script.options, faultline.setContext, script.transactionName, script.src),
    );
  }
} catch {
  // Performance stays off; errors are still captured.
}
