// What a browser downloads on the dashboard's first load: every script and style
// index.html references, measured as served (gzip -9 and brotli, as a CDN would).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = import.meta.dirname;
const publicDir = join(here, '../public');
const repoRoot = join(here, '../../..');

/** The first-load JS budget, uPlot included (README, `npm run size`). */
export const JS_BUDGET = 60 * 1024;

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Builds the assets when they are missing, then measures the first load. */
export function measureDashboard() {
  if (!existsSync(join(publicDir, 'index.html'))) {
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts/build-assets.mjs')], {
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('building the assets failed');
  }
  const html = readFileSync(join(publicDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
  const measure = (kind) => {
    const bytes = files
      .filter((file) => file.endsWith(kind))
      .map((file) => readFileSync(join(publicDir, file)));
    return {
      raw: bytes.reduce((sum, file) => sum + file.length, 0),
      gzip: bytes.reduce((sum, file) => sum + gzip(file), 0),
      brotli: bytes.reduce((sum, file) => sum + brotli(file), 0),
    };
  };
  const uplot = readFileSync(join(repoRoot, 'node_modules/uplot/dist/uPlot.iife.min.js'));
  return { js: measure('.js'), css: measure('.css'), uplotGzip: gzip(uplot) };
}
