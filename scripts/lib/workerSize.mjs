// Builds the collector Worker as `wrangler deploy` would, without deploying, and
// measures it: the free plan refuses a script over 3 MiB compressed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot, wranglerEnv } from './localCollector.mjs';

export const WORKER_BUDGET_BYTES = 3 * 1024 * 1024;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** `wrangler deploy --dry-run --outdir …`, then the bundle's raw and gzip sizes in bytes. */
export function measureWorker() {
  const outdir = join(repoRoot, '.tmp/worker-dry-run');
  rmSync(outdir, { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules/wrangler/bin/wrangler.js'),
      'deploy',
      '--dry-run',
      '--outdir',
      outdir,
    ],
    { cwd: repoRoot, env: wranglerEnv, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`wrangler deploy --dry-run failed:\n${result.stdout}\n${result.stderr}`);
  }
  const code = filesUnder(outdir).filter((path) => /\.(m?js|wasm)$/.test(path));
  const bytes = code.map((path) => readFileSync(path));
  return {
    raw: bytes.reduce((sum, content) => sum + content.length, 0),
    gzip: gzipSync(Buffer.concat(bytes), { level: 9 }).length,
  };
}
