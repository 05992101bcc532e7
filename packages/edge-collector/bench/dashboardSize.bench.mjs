// The dashboard's first load, beside its budget and beside uPlot alone (the
// biggest library in it), so a change in either shows as a ratio.
import { JS_BUDGET, measureDashboard } from '../dashboard/measureDashboard.mjs';

const { js, css, uplotGzip } = measureDashboard();
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('dashboard first load (index.html → /assets/*)');
console.log(`  JS   ${kb(js.gzip)} gzip, ${kb(js.brotli)} brotli, ${kb(js.raw)} minified`);
console.log(`       budget ${kb(JS_BUDGET)} gzip: ${(js.gzip / JS_BUDGET).toFixed(2)}× of it`);
console.log(
  `       uPlot alone ${kb(uplotGzip)} gzip: the whole app is ${(js.gzip / uplotGzip).toFixed(2)}× uPlot`,
);
console.log(`  CSS  ${kb(css.gzip)} gzip (uPlot's styles included)`);
