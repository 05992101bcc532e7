/**
 * The path of an original source as a frame shows it, relative to the project:
 * `webpack://shop/./src/cart.js` → `src/cart.js`, `../../src/cart.ts` → `src/cart.ts`,
 * `file:///home/ci/app/src/x.ts` stays whole but without its scheme.
 */
export function originalFilename(source: string): string {
  let path = source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^[a-z][\w+.-]*:\/\//i, '');
  path = path.replace(/^\/?(?:\.\.?\/)+/, '');
  return path || source;
}

/** Bundler runtime and helper modules: not the app's code (webpack, rollup, Vite, esbuild). */
const BUNDLER_RUNTIME =
  /(?:^|\/)(?:webpack\/(?:runtime|bootstrap)|\(webpack\)|vite\/(?:preload-helper|modulepreload-polyfill)|@vite\/|rollupPluginBabelHelpers|commonjsHelpers)/;

/** Whether an original source is the app's own code, as Sentry decides from its path. */
export function isInAppSource(source: string): boolean {
  if (/(?:^|\/)node_modules\//.test(source)) return false;
  // Rollup names its virtual modules with a leading NUL character.
  if (source.includes(String.fromCharCode(0))) return false;
  return !BUNDLER_RUNTIME.test(source);
}
