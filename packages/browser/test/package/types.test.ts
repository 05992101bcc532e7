import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../package.json';

// The ESM package as an app's TypeScript sees it: installed under
// node_modules, imported by name, checked with the declarations as built.
const packageRoot = join(import.meta.dirname, '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const APP = `import { init, captureException, type Options, type Event } from '@faultline/browser';
const options: Options = { dsn: 'https://key@errors.example.com/1', beforeSend: (event: Event) => event };
init(options);
const id: string | undefined = captureException(new Error('x'), { tags: { step: 'pay' } });
// @ts-expect-error: the options are typed, not any
init({ dsn: 'https://key@errors.example.com/1', sampleRat: 1 });
export { id };
`;

describe('the ESM package for a TypeScript app', () => {
  let app: string;

  beforeAll(() => {
    execFileSync(
      process.execPath,
      ['-e', "import('./scripts/lib/build.mjs').then((build) => build.ensureBuilt())"],
      { cwd: packageRoot, stdio: 'inherit' },
    );
    app = mkdtempSync(join(tmpdir(), 'faultline-consumer-'));
    mkdirSync(join(app, 'node_modules/@faultline'), { recursive: true });
    symlinkSync(packageRoot, join(app, 'node_modules/@faultline/browser'), 'dir');
    writeFileSync(join(app, 'package.json'), '{"type":"module"}');
    writeFileSync(join(app, 'app.ts'), APP);
  });
  afterAll(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('declares types, an ESM entry and no side effects', () => {
    expect(manifest).toMatchObject({
      type: 'module',
      sideEffects: false,
      types: './dist/index.d.ts',
      exports: { '.': { types: './dist/index.d.ts', import: './dist/faultline.mjs' } },
    });
    expect(existsSync(join(packageRoot, manifest.types))).toBe(true);
  });

  // node16 (like nodenext) is where extensionless relative imports in .d.ts files break.
  for (const [module, resolution] of [
    ['esnext', 'bundler'],
    ['node16', 'node16'],
  ]) {
    it(`type-checks an import with moduleResolution ${resolution}`, () => {
      const result = spawnSync(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          'false',
          '--lib',
          'es2022,dom',
          '--module',
          module as string,
          '--moduleResolution',
          resolution as string,
          'app.ts',
        ],
        { cwd: app, encoding: 'utf8' },
      );
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    }, 60_000);
  }
});
