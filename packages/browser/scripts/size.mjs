// `npm run size`: builds when stale, prints the gzip -9 size of each
// script-tag file, and fails when the errors core (faultline.min.js) or the
// performance part (perf.min.js, web-vitals included) is over its budget.
// The breadcrumbs add-on and the loader are printed, not budgeted.
import { ensureBuilt, gzipSize, readDist, scriptFiles } from './lib/build.mjs';

const BUDGET = 2048;
const PERF_BUDGET = 4500;

ensureBuilt();
const sizes = Object.fromEntries(scriptFiles.map((file) => [file, gzipSize(readDist(file))]));
for (const file of scriptFiles) {
  console.log(`${file.padEnd(20)} ${String(sizes[file]).padStart(5)} B gzip -9`);
}
const core = sizes['faultline.min.js'];
if (core > BUDGET) {
  console.error(`faultline.min.js is ${core} B gzip, over its ${BUDGET} B budget`);
  process.exit(1);
}
console.log(`faultline.min.js is within its ${BUDGET} B budget (${BUDGET - core} B to spare)`);
const perf = sizes['perf.min.js'];
if (perf > PERF_BUDGET) {
  console.error(`perf.min.js is ${perf} B gzip, over its ${PERF_BUDGET} B budget`);
  process.exit(1);
}
console.log(`perf.min.js is within its ${PERF_BUDGET} B budget (${PERF_BUDGET - perf} B to spare)`);
