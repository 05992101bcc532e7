// What e-mail alerts cost. Size: the collector Worker as `wrangler deploy` builds it,
// and the share of mimetext (the MIME builder, browser build) in it, measured as the
// same esbuild bundle of the Worker with and without mimetext. Time: building one
// alert e-mail (text + HTML parts, MIME) beside rendering the same alert for Slack.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { measureWorker } from '../../../scripts/lib/workerSize.mjs';
import { importTypeScript } from './lib/importTypeScript.mjs';

const packageRoot = join(import.meta.dirname, '..');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The Worker bundled minified for workerd; `external` modules left out. */
async function workerBundle(external) {
  const result = await build({
    entryPoints: [join(packageRoot, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    minify: true,
    write: false,
    external: ['cloudflare:*', 'node:*', ...external],
    logLevel: 'error',
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const worker = measureWorker();
const withMime = await workerBundle([]);
const withoutMime = await workerBundle(['mimetext/browser']);
console.log('e-mail alerts: Worker size');
console.log(
  `  collector Worker (wrangler deploy --dry-run): ${kib(worker.raw)}, ${kib(worker.gzip)} gzip`,
);
console.log(
  `  minified bundle ${kib(withMime)} gzip; without mimetext ${kib(withoutMime)} gzip: mimetext adds ${kib(withMime - withoutMime)} (${(((withMime - withoutMime) / withoutMime) * 100).toFixed(1)} %)`,
);

const workDir = mkdtempSync(join(tmpdir(), 'faultline-email-bench-'));
try {
  const { buildAlertEmail, buildAlertPayload, formatSlack, deliveryJob } = await importTypeScript(
    workDir,
    'email',
    `export { buildAlertEmail } from './src/alerts/buildAlertEmail';
     export { buildAlertPayload } from './src/alerts/buildAlertPayload';
     export { formatSlack } from './src/alerts/formats/formatSlack';
     export { deliveryJob } from './test/alertFixtures';`,
  );
  const payload = buildAlertPayload(
    deliveryJob('mailto:ops@example.com'),
    'https://errors.example.com',
  );
  const addresses = { from: 'alerts@example.com', to: 'ops@example.com' };
  const time = (label, run) => {
    const rounds = 2000;
    for (let i = 0; i < 200; i++) run(); // warm up
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) run();
    const micros = Number(process.hrtime.bigint() - start) / 1000 / rounds;
    console.log(`  ${label}: ${micros.toFixed(1)} µs per alert`);
    return micros;
  };
  console.log('e-mail alerts: building one message (new issue, 1 frame)');
  const slack = time('Slack message (baseline)', () => JSON.stringify(formatSlack(payload)));
  const email = time('e-mail, MIME with text and HTML', () => buildAlertEmail(payload, addresses));
  console.log(`  the e-mail takes ${(email / slack).toFixed(1)}× the Slack message's time`);
  console.log(`  e-mail size ${kib(buildAlertEmail(payload, addresses).length)}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
