// Runs every `*.bench.mjs` beside this file in turn; each prints its own figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((file) => file.endsWith('.bench.mjs'))
  .sort();
let failed = false;
for (const file of benches) {
  const result = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
if (benches.length === 0) console.log('no collector benchmarks yet');
process.exit(failed ? 1 : 0);
