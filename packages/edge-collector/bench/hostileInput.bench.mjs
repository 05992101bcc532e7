// Figures for hostile input (issue 15): how long the edge takes to refuse an envelope of
// 10,000 tiny event items (against reading all of it, as before the limits), and what the
// boundary schema (`normalizeEventSchema`) costs per event beside the whole processEvent.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTypeScript } from './lib/importTypeScript.mjs';

const work = await mkdtemp(join(tmpdir(), 'faultline-bench-'));
const p = await importTypeScript(
  work,
  'hostile',
  `
    export { parseEnvelope } from './src/ingest/parseEnvelope';
    export { checkEnvelopeLimits } from './src/ingest/envelopeLimits';
    export { normalizeEventSchema } from './src/protocol/normalizeEventSchema';
    export { normalizeEvent } from './src/ingest/normalizeEvent';
    export { processEvent } from './src/ingest/processEvent';
    export { browserEvent } from './test/fixtures/events/browserEvent';
    export { STACKS } from './test/fixtures/stacks';`,
);
const django = (
  await import('../test/fixtures/events/django-store-event.json', { with: { type: 'json' } })
).default;

/** Median and p95 in ms over `iterations` runs, after a warm-up. */
async function time(run, iterations = 1000) {
  for (let i = 0; i < 100; i++) await run();
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(times.length * q))];
  return { median: at(0.5), p95: at(0.95) };
}
const ms = ({ median, p95 }) => `${median.toFixed(3)} ms (p95 ${p95.toFixed(3)})`;

const tiny = new TextEncoder().encode(`{}\n${'{"type":"event"}\n{}\n'.repeat(10_000)}`);
const refuse = await time(() => {
  try {
    p.checkEnvelopeLimits(p.parseEnvelope(tiny));
  } catch (error) {
    if (error.status !== 413) throw error;
  }
}, 200);
// Before the limits every item was read, then each went through D1 one by one.
const readAll = await time(() => {
  for (let start = 0; start < tiny.length; ) {
    const end = tiny.indexOf(0x0a, start);
    JSON.parse(new TextDecoder().decode(tiny.subarray(start, end === -1 ? tiny.length : end)));
    start = end === -1 ? tiny.length : end + 1;
  }
}, 200);
console.log(
  `\nhostile input (${(tiny.length / 1024).toFixed(0)} KB envelope of 10,000 event items)`,
);
console.log(`  refused at the 101st item   ${ms(refuse)}`);
console.log(`  baseline: reading all items ${ms(readAll)} (then 10,000 items through D1, > 20 s)`);

const events = {
  'browser event': () => p.browserEvent('a'.repeat(32), Object.values(p.STACKS)[0]),
  'Django event (sentry-python)': () => structuredClone(django),
};
for (const [name, make] of Object.entries(events)) {
  const size = JSON.stringify(make()).length;
  const schema = await time(() => p.normalizeEventSchema(make()));
  const whole = await time(() => {
    const receivedAt = Date.now();
    return p.processEvent(p.normalizeEvent(make(), receivedAt), { projectId: 1, receivedAt });
  });
  const share = ((schema.median / whole.median) * 100).toFixed(0);
  console.log(`\n${name} (${(size / 1024).toFixed(1)} KB)`);
  console.log(`  boundary schema             ${ms(schema)}`);
  console.log(`  whole normalize + process   ${ms(whole)} (schema ${share}% of it)`);
}
