/**
 * `true` in the debug bundles, `false` in the production ones: rollup's
 * terser step replaces it (`global_defs`) and drops the code it guards, as
 * Sentry's SDK does with its `DEBUG_BUILD`. Unit tests define it `true`.
 */
declare const __DEBUG__: boolean;
