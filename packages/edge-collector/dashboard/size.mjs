// `npm run size` (collector workspace): fails when the dashboard's first-load JS is
// over its budget of 60 KB gzip, uPlot included.
import { JS_BUDGET, measureDashboard } from './measureDashboard.mjs';

const { js, css } = measureDashboard();
console.log(
  `dashboard first-load JS   ${String(js.gzip).padStart(6)} B gzip -9 (${js.raw} B minified)`,
);
console.log(`dashboard first-load CSS  ${String(css.gzip).padStart(6)} B gzip -9`);
if (js.gzip > JS_BUDGET) {
  console.error(
    `the dashboard's first-load JS is ${js.gzip} B gzip, over its ${JS_BUDGET} B budget`,
  );
  process.exit(1);
}
console.log(`within its ${JS_BUDGET} B budget (${JS_BUDGET - js.gzip} B to spare)`);
