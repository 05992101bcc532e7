// Assembles the static files the collector Worker serves (wrangler.toml [assets]):
// the example page at /example/ and the SDK bundles at /sdk/.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
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
console.log(`assets ready in ${publicDir.slice(root.length + 1)}`);
