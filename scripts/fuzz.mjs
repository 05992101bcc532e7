// `npm run fuzz -- [--count 100000] [--seed N] [--first 0] [--concurrency 4] [--timeout 5000]`:
// a seeded mutation fuzz of the ingestion endpoints against a private `wrangler dev`
// collector. Fails on any 5xx or a request without an answer within the timeout, and
// unless the collector is healthy afterwards and stores a valid event.
// `--url U --project P --key K [--admin-token T]` uses a running collector instead;
// with `--case N` it resends that one case of `--seed` and prints the answer.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCase } from './lib/fuzz/buildCase.mjs';
import { checkCollectorAfterwards } from './lib/fuzz/checkCollectorAfterwards.mjs';
import { formatFailures, runCampaign, sendCase } from './lib/fuzz/runCampaign.mjs';
import { applyMigrations, startWranglerDev } from './lib/localCollector.mjs';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    first: { type: 'string', default: '0' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '5000' },
    url: { type: 'string' },
    project: { type: 'string' },
    key: { type: 'string' },
    'admin-token': { type: 'string' },
    case: { type: 'string' },
  },
});
const seed = args.seed === undefined ? randomBytes(4).readUInt32BE() : Number(args.seed);
const timeoutMs = Number(args.timeout);

if (args.case !== undefined) {
  const request = buildCase(seed, Number(args.case), {
    projectId: args.project,
    publicKey: args.key,
  });
  console.log(`seed ${seed} case ${args.case}: ${request.seed}; ${request.mutations.join(' | ')}`);
  console.log(
    `${request.method} ${request.path}`,
    request.headers,
    `${request.body?.length ?? 0} bytes`,
  );
  console.log(await sendCase(args.url, request, timeoutMs));
  process.exit(0);
}

/** A private collector with a fresh local D1 and a project without a rate limit. */
async function startTarget() {
  const persistTo = mkdtempSync(join(tmpdir(), 'faultline-fuzz-'));
  applyMigrations({ persistTo });
  const adminToken = randomBytes(16).toString('hex');
  const dev = await startWranglerDev({
    persistTo,
    vars: { FAULTLINE_ADMIN_TOKEN: adminToken, FAULTLINE_MODE: 'local' },
  });
  const admin = async (path, method, body) => {
    const response = await fetch(`${dev.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const project = await admin('/api/0/projects/', 'POST', { name: 'fuzz' });
  // Every valid case goes through the whole pipeline, not just the first thousand a minute.
  await admin(`/api/0/projects/${project.id}/`, 'PUT', { settings: { rateLimitPerMinute: 0 } });
  const stop = async () => {
    await dev.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
  return {
    url: dev.url,
    adminToken,
    projectId: String(project.id),
    publicKey: project.publicKey,
    stop,
  };
}

const target = args.url
  ? {
      url: args.url,
      adminToken: args['admin-token'],
      projectId: args.project,
      publicKey: args.key,
      stop: async () => {},
    }
  : await startTarget();
/** Statuses, the slowest answer and the failure count, on one line. */
function summary({ statuses, slowest, failures, restarts }) {
  const counts = Object.entries(statuses).map(
    ([status, n]) => `${status === '0' ? 'no answer' : status}: ${n}`,
  );
  const slow = `slowest ${Math.round(slowest.ms)} ms (case ${slowest.caseNumber}, ${slowest.status}; ${slowest.seed}; ${slowest.mutations?.join(' | ')})`;
  return `statuses ${counts.join(', ')}; ${slow}; ${failures.length} failures; ${restarts} dev-server restarts resent`;
}

const count = Number(args.count);
console.log(
  `fuzzing ${target.url} with seed ${seed}: ${count} cases, ${args.concurrency} at a time`,
);
const started = Date.now();
let result;
let afterwards;
try {
  result = await runCampaign({
    ...target,
    seed,
    count,
    first: Number(args.first),
    concurrency: Number(args.concurrency),
    timeoutMs,
    onFailure: (failure) => console.log(`FAILURE ${formatFailures([failure])}`),
    onProgress: (done, sofar) => {
      if (done % 1000 !== 0) return;
      console.log(`  ${done} cases, ${Math.round((Date.now() - started) / 1000)} s`);
      // A long campaign may be stopped early: the figures so far are printed as it goes.
      if (done % 5000 === 0) console.log(`  ${summary(sofar)}`);
    },
  });
  afterwards = target.adminToken
    ? await checkCollectorAfterwards(target).then(
        (id) => `healthy; valid event ${id} stored`,
        (error) => `FAILED: ${error.message}`,
      )
    : 'not checked (no --admin-token)';
} finally {
  await target.stop();
}
const { failures } = result;
console.log(`\n${count} cases in ${Math.round((Date.now() - started) / 1000)} s, seed ${seed}`);
console.log(summary(result));
console.log(`afterwards: ${afterwards}`);
if (failures.length > 0) console.log(`\n${failures.length} failures:\n${formatFailures(failures)}`);
process.exit(failures.length > 0 || afterwards.startsWith('FAILED') ? 1 : 0);
