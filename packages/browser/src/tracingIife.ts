// The script-tag bundle with tracing (faultline.tracing.min.js): the errors
// core plus the sampling hook. The errors core alone has no room for the
// hook within its 2 KB, so pages that want performance take this file
// instead (the loader snippet with `data-tracing`), as Sentry ships
// bundle.tracing.min.js beside bundle.min.js. A page load that
// `tracesSampleRate` keeps loads perf.min.js from beside this file; one it
// leaves out fetches nothing more.
import './iife.js';
import { options as started } from './core/client.js';
import { guard } from './core/guard.js';
import type { Options } from './core/options.js';
import { tracesSampled } from './core/tracesSampled.js';
import { perfScript, perfSrc } from './perfScript.js';

type Faultline = { init: (options: Options) => void };

const faultline = (window as unknown as { Faultline: Faultline }).Faultline;
const initErrors = faultline.init;
// A second init appends the same element again, which does not run it again.
const loadPerf = guard((options: Options) => {
  if (started && tracesSampled(options))
    document.head.append(Object.assign(perfScript, { src: perfSrc, options, url: started._url }));
});

Object.assign(faultline, {
  init: (options: Options) => {
    initErrors(options);
    loadPerf(options);
  },
  // Until perf.min.js replaces them (for ever when not sampled): the
  // callback only runs, and the name waits for perf.min.js.
  startSpan: <T>(_: unknown, callback: () => T) => callback(),
  setTransactionName: (name: string) => {
    perfScript.transactionName = name;
  },
});
