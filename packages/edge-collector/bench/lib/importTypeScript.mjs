// Benches run the collector's real TypeScript (src/ and test fixtures) in Node:
// esbuild bundles a re-export list into one module in `workDir`, then it is imported.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const packageRoot = join(import.meta.dirname, '../..');

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
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}
