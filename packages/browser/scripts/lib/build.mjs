// Shared by `size` and `bench`: rebuild dist when a source is newer, and
// measure compressed sizes the same way everywhere.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = join(packageRoot, 'dist');
export const scriptFiles = [
  'faultline.min.js',
  'faultline.tracing.min.js',
  'perf.min.js',
  'breadcrumbs.min.js',
  'loader.min.js',
  'faultline.debug.min.js',
];

const newestIn = (dir) =>
  Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs;
    }),
  );

/** Runs the rollup build unless every bundle is newer than src/ and the config. */
export function ensureBuilt() {
  const outputs = [
    ...scriptFiles,
    'faultline.mjs',
    'faultline.startPerf.mjs',
    'faultline.debug.mjs',
    'index.d.ts',
  ].map((file) => join(dist, file));
  const builtAt = outputs.every(existsSync)
    ? Math.min(...outputs.map((path) => statSync(path).mtimeMs))
    : 0;
  const config = statSync(join(packageRoot, 'rollup.config.mjs')).mtimeMs;
  if (builtAt < Math.max(newestIn(join(packageRoot, 'src')), config)) {
    execSync('npx rollup -c --silent', { cwd: packageRoot, stdio: 'inherit' });
  }
}

/** Bytes of `gzip -9 < file`: zlib level 9, no file name in the header. */
export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bytes at brotli's highest quality, as a CDN would serve it. */
export const brotliSize = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export const readDist = (file) => readFileSync(join(dist, file));
