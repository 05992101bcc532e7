// Runs the collector locally the way `npm start` and the end-to-end tests both need it:
// D1 migrations applied to a local database, then `wrangler dev` on loopback.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const wranglerBin = join(repoRoot, 'node_modules/wrangler/bin/wrangler.js');
const guardScript = join(repoRoot, 'scripts/lib/stopWhenParentEnds.mjs');

/** Offline, quiet wrangler: no metrics, no Cloudflare lookups. */
export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_UPDATE_NOTIFIER: '1',
};

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The binding names of a wrangler config's `[[d1_databases]]` blocks (`DB`, `DB_2`, …),
 * read line by line: the config is ours, one `key = "value"` a line.
 * @param {string} config path of the wrangler.toml, relative to the repo root
 */
export function d1Bindings(config = 'wrangler.toml') {
  const bindings = [];
  let inD1Block = false;
  for (const line of readFileSync(resolve(repoRoot, config), 'utf8').split('\n')) {
    const header = /^\s*\[\[?([^\]]+)\]\]?/.exec(line);
    if (header) inD1Block = header[1].trim() === 'd1_databases';
    const binding = inD1Block && /^\s*binding\s*=\s*"([^"]+)"/.exec(line);
    if (binding) bindings.push(binding[1]);
  }
  return bindings;
}

/**
 * Applies every migration in packages/edge-collector/migrations to each local D1
 * database of the config (`DB`, and `DB_2` … when the config has them).
 * @param {{persistTo?: string, config?: string}} options
 */
export function applyMigrations({ persistTo, config } = {}) {
  for (const binding of d1Bindings(config)) {
    const args = [wranglerBin, 'd1', 'migrations', 'apply', binding, '--local'];
    if (persistTo) args.push('--persist-to', persistTo);
    if (config) args.push('--config', config);
    const result = spawnSync(process.execPath, args, {
      cwd: repoRoot,
      env: { ...wranglerEnv, CI: 'true' }, // CI=true: apply without asking for confirmation
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(
        `wrangler d1 migrations apply ${binding} failed:\n${result.stdout}\n${result.stderr}`,
      );
    }
  }
}

/**
 * Starts `wrangler dev` on 127.0.0.1 and resolves once it answers HTTP.
 * @param {{port?: number, persistTo?: string, vars?: Record<string,string>, stdio?: 'inherit'|'pipe', config?: string, logLevel?: string}} options
 * @returns {Promise<{url: string, port: number, child: import('node:child_process').ChildProcess, stop: () => Promise<void>}>}
 */
export async function startWranglerDev({
  port,
  persistTo,
  vars = {},
  stdio = 'pipe',
  config,
  logLevel,
} = {}) {
  // wrangler refuses to start without the [assets] directory; `npm run build` fills it.
  mkdirSync(join(repoRoot, 'packages/edge-collector/public'), { recursive: true });
  const listenPort = port ?? (await freePort());
  const args = [
    wranglerBin,
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(listenPort),
    '--inspector-port',
    String(await freePort()),
    '--show-interactive-dev-session=false',
    // Serves /__scheduled (see runScheduled): wrangler dev runs no crons by itself.
    '--test-scheduled',
    '--log-level',
    // `info` also logs where the simulated send_email binding wrote each message.
    logLevel ?? (stdio === 'inherit' ? 'info' : 'warn'),
  ];
  if (persistTo) args.push('--persist-to', persistTo);
  if (config) args.push('--config', config); // another Worker (the benches' no-op one)
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: wranglerEnv,
    stdio: ['ignore', stdio, stdio],
    detached: process.platform !== 'win32',
  });
  // wrangler runs in a process group of its own; this guard ends that group when
  // the process that started it ends in a way no handler sees (SIGKILL, a crash, a
  // killed test run), so no wrangler or workerd outlives its user.
  const guard = spawn(process.execPath, [guardScript, String(child.pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: process.platform !== 'win32',
  });
  guard.unref();
  guard.stdin.unref();
  let output = '';
  // Only the tail is kept: a long run (the fuzz) logs more than a string can hold.
  const keep = (chunk) => {
    output = (output + chunk).slice(-1_000_000);
  };
  if (stdio === 'pipe') {
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
  }
  const url = `http://127.0.0.1:${listenPort}`;
  const stop = () =>
    new Promise((resolve) => {
      guard.stdin.end();
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid, 'SIGTERM'); // the whole group: wrangler and its workerd
      } catch {
        child.kill('SIGTERM');
      }
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    }
    try {
      await fetch(`${url}/api/health`);
      return { url, port: listenPort, child, stop, output: () => output };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await stop();
  throw new Error(`wrangler dev did not answer on ${url} within 60 s:\n${output}`);
}

/**
 * Runs the Worker's scheduled handler once, as the every-minute cron does when deployed.
 * Uses `--test-scheduled`'s `/__scheduled`: wrangler 4.86's `/cdn-cgi/handler/scheduled`
 * answers 500 when the Worker has `[assets]`, as ours does (the event reaches the assets
 * router, which has no scheduled handler).
 * @param {string} url the wrangler dev origin
 */
export async function runScheduled(url) {
  const response = await fetch(`${url}/__scheduled?cron=${encodeURIComponent('* * * * *')}`);
  const text = await response.text();
  if (!response.ok) throw new Error(`scheduled handler failed: ${response.status} ${text}`);
}
