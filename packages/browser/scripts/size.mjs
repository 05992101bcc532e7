// `npm run size`: builds when stale, prints the gzip -9 size of each
// script-tag file, and fails when one with a budget is over it: the errors
// core (faultline.min.js), the core with the sampling hook
// (faultline.tracing.min.js, for pages with performance on) and the
// performance part (perf.min.js, web-vitals included). The breadcrumbs
// add-on, the loader and the debug build are printed, not budgeted.
import { ensureBuilt, gzipSize, readDist, scriptFiles } from './lib/build.mjs';

const BUDGETS = {
  'faultline.min.js': 2048,
  'faultline.tracing.min.js': 2250,
  'perf.min.js': 4500,
};

ensureBuilt();
const sizes = Object.fromEntries(scriptFiles.map((file) => [file, gzipSize(readDist(file))]));
for (const file of scriptFiles) {
  const budget = BUDGETS[file] ? ` (budget ${BUDGETS[file]} B)` : '';
  console.log(`${file.padEnd(26)} ${String(sizes[file]).padStart(5)} B gzip -9${budget}`);
}
let over = false;
for (const [file, budget] of Object.entries(BUDGETS)) {
  const size = sizes[file];
  if (size > budget) {
    console.error(`${file} is ${size} B gzip, over its ${budget} B budget`);
    over = true;
  } else console.log(`${file} is within its ${budget} B budget (${budget - size} B to spare)`);
}
if (over) process.exit(1);
