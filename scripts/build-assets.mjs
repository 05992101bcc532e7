// Assembles the static files the collector Worker serves (wrangler.toml [assets]):
// the example page at /example/ and the SDK bundles at /sdk/, with the SDK as
// an npm tarball there too (`npm install <collector>/sdk/faultline-browser.tgz`).
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = join(root, 'packages/edge-collector/public');
const sdkDist = join(root, 'packages/browser/dist');

rmSync(publicDir, { recursive: true, force: true });
mkdirSync(join(publicDir, 'sdk'), { recursive: true });
cpSync(join(root, 'examples/browser'), join(publicDir, 'example'), { recursive: true });
const dashboard = join(root, 'packages/edge-collector/dashboard');
if (existsSync(dashboard)) cpSync(dashboard, publicDir, { recursive: true });
if (!existsSync(sdkDist)) throw new Error('packages/browser/dist is missing: build the SDK first');
for (const file of readdirSync(sdkDist)) {
  if (/\.(m?js|map)$/.test(file)) cpSync(join(sdkDist, file), join(publicDir, 'sdk', file));
}
// `npm pack` writes `faultline-browser-VERSION.tgz`; served under a name that
// stays the same across versions, so the README's install line does too.
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', join(publicDir, 'sdk')], {
    cwd: join(root, 'packages/browser'),
    encoding: 'utf8',
  }),
);
renameSync(join(publicDir, 'sdk', packed.filename), join(publicDir, 'sdk/faultline-browser.tgz'));
// Pages on any origin load the bundles: `<script type="module">` and
// `import` fetch with CORS, so /sdk/ allows every origin. Appended, as the
// dashboard may bring a _headers file of its own.
appendFileSync(join(publicDir, '_headers'), '\n/sdk/*\n  Access-Control-Allow-Origin: *\n');
console.log(`assets ready in ${publicDir.slice(root.length + 1)}`);
