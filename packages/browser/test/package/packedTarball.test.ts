import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as `npm pack` (and so `npm publish`, and the collector's
// /sdk/faultline-browser.tgz) ships it, installed into an app of its own:
// what `exports` and `types` promise must be in the tarball.
const packageRoot = join(import.meta.dirname, '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const APP = `import { captureException, init, type Options } from '@faultline/browser';
import { init as initDebug } from '@faultline/browser/debug';
const options: Options = { dsn: 'https://key@errors.example.com/1', debug: true };
init(options);
initDebug(options);
export const id: string | undefined = captureException(new Error('x'));
`;

interface Manifest {
  types: string;
  exports: Record<string, string | Record<string, string>>;
}

describe('the package as npm pack ships it', () => {
  let work: string;
  let app: string;
  let packedFiles: string[];

  beforeAll(() => {
    execFileSync(
      process.execPath,
      ['-e', "import('./scripts/lib/build.mjs').then((build) => build.ensureBuilt())"],
      { cwd: packageRoot, stdio: 'inherit' },
    );
    work = mkdtempSync(join(tmpdir(), 'faultline-packed-'));
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
        cwd: packageRoot,
        encoding: 'utf8',
      }),
    );
    packedFiles = packed.files.map((file: { path: string }) => file.path);
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{"type":"module","private":true}');
    writeFileSync(join(app, 'app.ts'), APP);
    // A local tarball without dependencies needs no registry: --offline proves it.
    execFileSync(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--cache',
        join(work, 'cache'),
        join(work, packed.filename),
      ],
      { cwd: app, stdio: 'pipe' },
    );
  }, 120_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds only the built files, the manifest and the README', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['package.json', 'README.md']));
    for (const file of packedFiles) expect(file).toMatch(/^(dist\/.+|package\.json|README\.md)$/);
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'dist/faultline.min.js',
        'dist/faultline.debug.min.js',
        'dist/loader.min.js',
      ]),
    );
  });

  it('has every file its types and exports name', () => {
    const installed = join(app, 'node_modules/@faultline/browser');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Manifest;
    const named = [manifest.types];
    for (const target of Object.values(manifest.exports)) {
      named.push(...(typeof target === 'string' ? [target] : Object.values(target)));
    }
    expect(named).toContain('./dist/faultline.debug.mjs');
    for (const file of named) expect(existsSync(join(installed, file)), file).toBe(true);
  });

  it('imports in Node by name, the production and the debug entry alike', () => {
    const script = `import * as sdk from '@faultline/browser';
import * as debug from '@faultline/browser/debug';
console.log(JSON.stringify([Object.keys(sdk).sort(), Object.keys(debug).sort()]));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: app,
      encoding: 'utf8',
    });
    const [production, debug] = JSON.parse(output) as [string[], string[]];
    expect(production).toEqual(
      expect.arrayContaining(['init', 'captureException', 'captureMessage']),
    );
    expect(debug).toEqual(production);
  });

  it('type-checks an app that imports both entries with moduleResolution node16', () => {
    const result = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--lib',
        'es2022,dom',
        '--module',
        'node16',
        '--moduleResolution',
        'node16',
        'app.ts',
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});
