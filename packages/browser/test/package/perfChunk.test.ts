import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const packageRoot = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(packageRoot, 'dist', file), 'utf8');

beforeAll(() => {
  execFileSync(
    process.execPath,
    ['-e', "import('./scripts/lib/build.mjs').then((build) => build.ensureBuilt())"],
    { cwd: packageRoot, stdio: 'inherit' },
  );
}, 120_000);

describe('the ESM build splits the performance part', () => {
  it('imports the performance chunk only dynamically, and the chunk holds web-vitals', () => {
    const entry = read('faultline.mjs');
    expect(entry).toMatch(/import\(["']\.\/faultline\.startPerf\.mjs["']\)/);
    expect(entry).not.toMatch(/from\s*["']\.\/faultline\.startPerf\.mjs["']/);
    expect(entry).not.toContain('largest-contentful-paint');
    const chunk = read('faultline.startPerf.mjs');
    expect(chunk).toContain('largest-contentful-paint');
    expect(chunk).not.toMatch(/from\s*["']web-vitals["']/);
  });

  it('keeps web-vitals out of the errors core and the tracing bundle', () => {
    for (const file of ['faultline.min.js', 'faultline.tracing.min.js']) {
      expect(read(file)).not.toContain('largest-contentful-paint');
    }
    expect(read('perf.min.js')).toContain('largest-contentful-paint');
    expect(read('faultline.tracing.min.js')).toContain('perf.min.js');
    expect(read('faultline.min.js')).not.toContain('perf.min.js');
  });
});
