// `npm test`: every check and every test in the repo, ending with one line
// `N passed, N failed[, N skipped]`. Lint, type checks, the build and the size
// budget count as one check each; vitest runs all projects (SDK unit tests,
// collector tests in workerd, end-to-end tests with Chromium and real SDKs), the
// end-to-end project beside the other two.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/localCollector.mjs';

const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(name, command, args) {
  console.log(`\n\x1b[1m▶ ${name}\x1b[0m  ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  return result.status === 0;
}

function check(name, command, args) {
  if (run(name, command, args)) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(name);
  }
}

const tsconfigs = [
  'packages/browser',
  'packages/edge-collector',
  'packages/edge-collector/dashboard',
  'tests/e2e',
].filter((dir) => existsSync(join(repoRoot, dir, 'tsconfig.json')));

check('lint and format (biome)', 'npx', ['biome', 'check', '.']);
for (const dir of tsconfigs) check(`typecheck ${dir}`, 'npx', ['tsc', '--noEmit', '-p', dir]);
check('build (SDK bundles and Worker assets)', 'npm', ['run', '--silent', 'build']);
check('size budget', 'npm', ['run', '--silent', 'size', '--workspaces', '--if-present']);
// What `npm publish` would ship: exports, types and files that exist and agree.
check('package (publint)', 'npx', ['publint', 'packages/browser', '--strict']);
check('Worker builds (wrangler deploy --dry-run), under 3 MiB gzip', 'node', [
  'scripts/worker-size.mjs',
]);

mkdirSync(join(repoRoot, '.tmp'), { recursive: true });

/**
 * One vitest run over some projects, with a JSON report to tally. `live` prints as it
 * goes; otherwise the output is kept and printed once the run ends, so two runs side
 * by side do not interleave their lines.
 */
function vitest(name, projects, { live }) {
  const report = join(repoRoot, `.tmp/vitest-${name}.json`);
  rmSync(report, { force: true });
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json'];
  for (const project of projects) args.push('--project', project);
  args.push(`--outputFile.json=${report}`);
  const child = spawn('npx', args, {
    cwd: repoRoot,
    stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  if (!live) {
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
  }
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ name, projects, ok: code === 0, report, output }));
  });
}

function tallyVitest({ name, projects, ok, report, output }) {
  console.log(`\n\x1b[1m▶ vitest: ${projects.join(', ')}\x1b[0m`);
  if (output) process.stdout.write(output);
  if (!existsSync(report)) {
    tally.failed += 1;
    failures.push(`vitest ${name} (no report written, see above)`);
    return;
  }
  const results = JSON.parse(readFileSync(report, 'utf8'));
  tally.passed += results.numPassedTests;
  tally.failed += results.numFailedTests;
  tally.skipped += results.numPendingTests + results.numTodoTests;
  for (const file of results.testResults) {
    for (const test of file.assertionResults) {
      if (test.status === 'failed') failures.push(test.fullName);
    }
  }
  if (!ok && results.numFailedTests === 0) {
    tally.failed += 1; // a suite that failed to load, or an error outside any test
    failures.push(`vitest ${name} (an error outside the tests, see above)`);
  }
}

// The end-to-end project (wrangler dev, Chromium, Python apps: mostly waiting) runs
// beside the SDK and collector projects (in-process workerd): each runs its files one
// at a time, so side by side they take the time of the longer one, not the sum.
console.log(
  '\n\x1b[1m▶ vitest: e2e (live) beside browser and collector (printed when done)\x1b[0m',
);
const runs = await Promise.all([
  vitest('e2e', ['e2e'], { live: true }),
  vitest('unit', ['browser', 'collector'], { live: false }),
]);
for (const run of runs.reverse()) tallyVitest(run);

if (failures.length > 0)
  console.log(`\nFailed:\n${failures.map((name) => `  - ${name}`).join('\n')}`);
const skipped = tally.skipped > 0 ? `, ${tally.skipped} skipped` : '';
console.log(`\n${tally.passed} passed, ${tally.failed} failed${skipped}`);
process.exit(tally.failed > 0 ? 1 : 0);
