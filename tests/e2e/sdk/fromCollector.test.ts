import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../scripts/lib/localCollector.mjs';
import { waitForIssue } from '../harness/readApi';
import { openPage } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

const run = promisify(execFile);
const seed = randomBytes(4).toString('hex');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'packages/browser/package.json'), 'utf8'));

// The ways the README gives to get the SDK before (and after) it is on the
// npm registry, each taken from a running collector as a new user would.
describe("the SDK from the collector's /sdk/", () => {
  const bed = useSdkTestbed('sdk-from-collector');

  it('installs with npm install <collector>/sdk/faultline-browser.tgz and imports by name', async () => {
    const url = `${bed.collector.url}/sdk/faultline-browser.tgz`;
    const work = mkdtempSync(join(tmpdir(), 'faultline-npm-url-'));
    try {
      const app = join(work, 'app');
      mkdirSync(app);
      writeFileSync(join(app, 'package.json'), '{"private":true,"type":"module"}');
      // The registry points at a closed port: everything must come from the collector.
      await run(
        'npm',
        [
          'install',
          '--registry',
          'http://127.0.0.1:9/',
          '--no-audit',
          '--no-fund',
          '--ignore-scripts',
          '--cache',
          join(work, 'npm-cache'),
          url,
        ],
        { cwd: app },
      );
      const appManifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
      expect(appManifest.dependencies).toEqual({ '@faultline/browser': url });
      const installed = JSON.parse(
        readFileSync(join(app, 'node_modules/@faultline/browser/package.json'), 'utf8'),
      );
      expect(installed).toMatchObject({ name: '@faultline/browser', version: manifest.version });
      const { stdout } = await run(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "import * as sdk from '@faultline/browser'; console.log(Object.keys(sdk).sort().join(' '))",
        ],
        { cwd: app },
      );
      expect(stdout.trim().split(' ')).toEqual(
        expect.arrayContaining(['captureException', 'captureMessage', 'init', 'setUser']),
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);

  it('loads as an ES module from the collector into a page of another origin, and reports', async () => {
    const message = `esm from the collector ${seed}`;
    bed.server.serve(
      '/',
      `<!doctype html><html><head><meta charset="utf-8"><title>esm</title></head><body>
<script type="module">
import { captureException, init } from '${bed.collector.url}/sdk/faultline.mjs';
init({ dsn: '${bed.project.dsn}', release: 'esm@1.0.0' });
captureException(new Error('${message}'));
</script></body></html>`,
    );
    const { pageErrors } = await openPage(bed.context, `${bed.server.origin}/`);
    const { event } = await waitForIssue(bed.collector, bed.project, `Error: ${message}`);
    expect(event.release).toBe('esm@1.0.0');
    expect(pageErrors).toEqual([]);
  });

  it('serves the debug builds beside the others', async () => {
    for (const file of ['faultline.debug.min.js', 'faultline.debug.mjs']) {
      const response = await fetch(`${bed.collector.url}/sdk/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('Content-Type'), file).toMatch(/javascript/);
      expect(response.headers.get('Access-Control-Allow-Origin'), file).toBe('*');
      expect(await response.text(), file).toContain('[Faultline]');
    }
  });
});
