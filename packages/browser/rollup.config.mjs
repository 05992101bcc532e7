import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

// Names starting with `_` are private and mangled; nothing else is, so the
// Sentry field names and the public API keep their spelling.
const terserOptions = {
  ecma: 2020,
  compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
  mangle: { properties: { regex: /^_/ } },
  format: { comments: false },
};

// The errors core also writes `window.Faultline`'s arrow functions as methods
// (`setTag(e,t){…}`): none reads `this`, and neither kind can be `new`ed.
// 2 B less gzip there but more in the add-on, so for the core only.
const coreTerserOptions = {
  ...terserOptions,
  compress: { ...terserOptions.compress, unsafe_methods: true },
};

// The performance part also takes terser's `unsafe` rewrites (checked
// against its e2e tests): 24 B gzip of its tight budget.
const perfTerserOptions = {
  ...terserOptions,
  compress: { ...terserOptions.compress, unsafe: true },
};

// Every build replaces `__DEBUG__`, which guards the debug logger
// (`debug: true`): `false`, so rollup drops the logger and its text, unless
// the build is one of the `debug` ones.
const ts = (declarations, debug = false) => [
  replace({ preventAssignment: true, values: { __DEBUG__: String(debug) } }),
  typescript({
    tsconfig: './tsconfig.build.json',
    ...(declarations ? {} : { declaration: false, declarationDir: undefined }),
  }),
];

// The script-tag bundles. `compact` leaves out the newline rollup would add
// after the last `;`: as the file's only newline it costs 2-4 B gzip.
const script = { format: 'iife', strict: false, compact: true };

export default [
  // ESM for bundlers, with types. The performance part is an `import()`
  // chunk (faultline.startPerf.mjs, web-vitals bundled in, so the package
  // keeps no dependencies) for bundlers to split off. `allow-extension`: the
  // chunk imports the core from the entry itself, not from a third chunk.
  {
    input: 'src/index.ts',
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      entryFileNames: 'faultline.mjs',
      chunkFileNames: 'faultline.[name].mjs',
      format: 'es',
      sourcemap: true,
    },
    plugins: [ts(true), nodeResolve(), terser({ ...terserOptions, module: true })],
  },
  // The script-tag bundle: sets window.Faultline. No sourceMappingURL comment,
  // which would count against the 2 KB budget; the map is still written.
  {
    input: 'src/iife.ts',
    output: { ...script, file: 'dist/faultline.min.js', sourcemap: 'hidden' },
    plugins: [ts(false), terser(coreTerserOptions)],
  },
  // The debug builds: the same with the logger that `debug: true` turns on.
  {
    input: 'src/index.ts',
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      entryFileNames: 'faultline.debug.mjs',
      chunkFileNames: 'faultline.debug.[name].mjs',
      format: 'es',
      sourcemap: true,
    },
    plugins: [ts(false, true), nodeResolve(), terser({ ...terserOptions, module: true })],
  },
  // The debug script-tag bundle has the sampling hook too, so `debug: true`
  // works with or without `tracesSampleRate`.
  {
    input: 'src/tracingIife.ts',
    output: { ...script, file: 'dist/faultline.debug.min.js', sourcemap: true },
    plugins: [ts(false, true), terser(coreTerserOptions)],
  },
  // The errors core plus the sampling hook that loads perf.min.js, for pages
  // that turn performance on (see src/tracingIife.ts for why a second bundle).
  {
    input: 'src/tracingIife.ts',
    output: { ...script, file: 'dist/faultline.tracing.min.js', sourcemap: 'hidden' },
    plugins: [ts(false), terser(coreTerserOptions)],
  },
  // The performance part for script tags, web-vitals bundled in; the
  // tracing bundle loads it only for a page load the traces sample keeps.
  {
    input: 'src/perfBundle.ts',
    output: { ...script, file: 'dist/perf.min.js', sourcemap: 'hidden' },
    plugins: [ts(false), nodeResolve(), terser(perfTerserOptions)],
  },
  {
    input: 'src/breadcrumbsAddon.ts',
    output: { ...script, file: 'dist/breadcrumbs.min.js' },
    plugins: [ts(false), terser(terserOptions)],
  },
  {
    input: 'src/loader.ts',
    output: { ...script, file: 'dist/loader.min.js' },
    plugins: [ts(false), terser(terserOptions)],
  },
];
