import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';

// The debug logger is behind the build-time `__DEBUG__` flag: the production
// bundles must carry none of it, the debug ones all of it.
const packageRoot = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(packageRoot, 'dist', file), 'utf8');

beforeAll(() => {
  execFileSync(
    process.execPath,
    ['-e', "import('./scripts/lib/build.mjs').then((build) => build.ensureBuilt())"],
    { cwd: packageRoot, stdio: 'inherit' },
  );
}, 120_000);

it('leaves the debug logger and its text out of the production bundles', () => {
  for (const file of ['faultline.min.js', 'faultline.mjs', 'breadcrumbs.min.js', 'loader.min.js']) {
    const code = read(file);
    expect(code, file).not.toContain('[Faultline]');
    expect(code, file).not.toContain('dropped by');
    expect(code, file).not.toContain('__DEBUG__');
  }
});

it('keeps it in the debug bundles', () => {
  for (const file of ['faultline.debug.min.js', 'faultline.debug.mjs']) {
    const code = read(file);
    expect(code, file).toContain('[Faultline]');
    expect(code, file).toContain('X-Sentry-Error');
    expect(code, file).not.toContain('__DEBUG__');
  }
});
