// Benches run the collector's real TypeScript (src/ and test fixtures) in Node:
// esbuild bundles a re-export list into one module in `workDir`, then it is imported.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const packageRoot = join(import.meta.dirname, '../..');

/**
 * `cloudflare:email` exists only inside workerd. Benches run in Node and never send
 * e-mail, but the modules they import reach the alert sender: give the import a
 * class that refuses to be used, so the bundle loads and a send would fail loudly.
 */
const workerdOnlyModules = {
  name: 'workerd-only-modules',
  setup(plugin) {
    plugin.onResolve({ filter: /^cloudflare:email$/ }, (args) => ({
      path: args.path,
      namespace: 'workerd-only',
    }));
    plugin.onLoad({ filter: /.*/, namespace: 'workerd-only' }, () => ({
      contents: `export class EmailMessage {
        constructor() { throw new Error('cloudflare:email runs only in workerd'); }
      }`,
      loader: 'js',
    }));
  },
};

/**
 * @param {string} workDir a scratch folder for the bundle
 * @param {string} name the bundle's file name
 * @param {string} reexports `export { … } from './src/…';` lines, relative to the package
 * @param {string} [root] the package's folder (another version of it: a baseline)
 */
export async function importTypeScript(workDir, name, reexports, root = packageRoot) {
  const outfile = join(workDir, `${name}.mjs`);
  await build({
    stdin: { contents: reexports, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    // A baseline copied elsewhere still finds the repository's packages.
    nodePaths: [join(packageRoot, 'node_modules'), join(packageRoot, '../../node_modules')],
    plugins: [workerdOnlyModules],
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}
