// `npm test`: every check and every test in the repo, ending with one line
// `N passed, N failed[, N skipped]`. Lint, type checks, the build and the size
// budget count as one check each; vitest runs all projects (SDK unit tests,
// collector tests in workerd, end-to-end tests with Chromium and real SDKs).
import { spawnSync } from 'node:child_process';
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

const tsconfigs = ['packages/browser', 'packages/edge-collector', 'tests/e2e'].filter((dir) =>
  existsSync(join(repoRoot, dir, 'tsconfig.json')),
);

check('lint and format (biome)', 'npx', ['biome', 'check', '.']);
for (const dir of tsconfigs) check(`typecheck ${dir}`, 'npx', ['tsc', '--noEmit', '-p', dir]);
check('build (SDK bundles and Worker assets)', 'npm', ['run', '--silent', 'build']);
check('size budget', 'npm', ['run', '--silent', 'size', '--workspaces', '--if-present']);
// What `npm publish` would ship: exports, types and files that exist and agree.
check('package (publint)', 'npx', ['publint', 'packages/browser', '--strict']);
check('Worker builds (wrangler deploy --dry-run), under 3 MiB gzip', 'node', [
  'scripts/worker-size.mjs',
]);

const report = join(repoRoot, '.tmp/vitest-report.json');
mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
rmSync(report, { force: true });
const vitestOk = run('vitest (all projects)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  tally.passed += results.numPassedTests;
  tally.failed += results.numFailedTests;
  tally.skipped += results.numPendingTests + results.numTodoTests;
  for (const file of results.testResults) {
    for (const test of file.assertionResults) {
      if (test.status === 'failed') failures.push(test.fullName);
    }
  }
  if (!vitestOk && results.numFailedTests === 0) {
    tally.failed += 1; // a suite that failed to load, or an error outside any test
    failures.push('vitest run (an error outside the tests, see above)');
  }
} else {
  tally.failed += 1;
  failures.push('vitest run (no report written, see above)');
}

if (failures.length > 0)
  console.log(`\nFailed:\n${failures.map((name) => `  - ${name}`).join('\n')}`);
const skipped = tally.skipped > 0 ? `, ${tally.skipped} skipped` : '';
console.log(`\n${tally.passed} passed, ${tally.failed} failed${skipped}`);
process.exit(tally.failed > 0 ? 1 : 0);
