// The tracing bundle's half of performance: a page load the sample keeps
// gets perf.min.js, loaded from beside the bundle (wherever the page or the
// loader snippet took it from); one left out fetches nothing. What perf.min.js
// needs goes on its script element, which it reads as `currentScript`.
import type { Options } from './core/options.js';

/** The script element that loads perf.min.js, with what the core hands it. */
export interface PerfScript extends HTMLScriptElement {
  options?: Options;
  /** Where the core posts envelopes (its resolved `_url`). */
  url?: string;
  /** The name `setTransactionName` gave before perf.min.js arrived. */
  transactionName?: string;
}

/** Made while the bundle runs, when `currentScript` is its own tag. */
export const perfScript = document.createElement('script') as PerfScript;
export const perfSrc = (document.currentScript as HTMLScriptElement | null)?.src.replace(
  /[^/]*$/,
  'perf.min.js',
);
