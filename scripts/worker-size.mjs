// `npm test` check: the Worker still builds and fits the free plan's 3 MiB compressed.
import { measureWorker, WORKER_BUDGET_BYTES } from './lib/workerSize.mjs';

const { raw, gzip } = measureWorker();
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(
  `collector Worker: ${kib(raw)}, ${kib(gzip)} gzip (budget ${kib(WORKER_BUDGET_BYTES)})`,
);
if (gzip > WORKER_BUDGET_BYTES) {
  console.error('the Worker is over the free plan limit of 3 MiB compressed');
  process.exit(1);
}
