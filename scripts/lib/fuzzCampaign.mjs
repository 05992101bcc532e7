// The fuzzer's entry points for the end-to-end test and `npm run fuzz` (see scripts/lib/fuzz/).
export { checkCollectorAfterwards } from './fuzz/checkCollectorAfterwards.mjs';
export { formatFailures, runCampaign } from './fuzz/runCampaign.mjs';
