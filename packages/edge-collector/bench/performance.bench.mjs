// Figures for performance insights (issue 12): CPU and D1 statements per ingested
// transaction (the real code, bundled with esbuild, in Node's V8); the p75 error of the
// aggregates' sketches against exact p75s; and the answer time of the performance list
// and summary for one project holding 1,000,000 transactions' worth of aggregates in a
// real local D1 behind `wrangler dev`.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, startWranglerDev } from '../../../scripts/lib/localCollector.mjs';
import { importTypeScript } from './lib/importTypeScript.mjs';
import { djangoTransaction, pageloadTransaction } from './lib/transactionFixtures.mjs';

const work = await mkdtemp(join(tmpdir(), 'faultline-bench-'));
const code = await importTypeScript(
  work,
  'performance',
  `export { normalizeEvent } from './src/ingest/normalizeEvent';
   export { processTransaction } from './src/consumer/processTransaction';
   export { transactionTimes } from './src/ingest/transactionTimes';
   export { aggregateSegments } from './src/insights/aggregateSegments';
   export { detectNPlusOne } from './src/insights/detectNPlusOne';
   export { aggregateBatch } from './src/insights/aggregateBatch';
   export { addToSketch, sketchQuantile } from './src/insights/quantileSketch';`,
);

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
const fixed = (n, digits = 3) => n.toFixed(digits);

function time(run, iterations) {
  for (let i = 0; i < 200; i++) run(i);
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const context = { projectId: 1, receivedAt: 1_780_000_100_000, settings: undefined, salt: 'bench' };
function processOnly(raw) {
  const event = code.normalizeEvent(raw, context.receivedAt);
  return code.processTransaction(event, code.transactionTimes(raw), context);
}
function processAndInsights(raw) {
  const record = processOnly(raw);
  const { segment } = record;
  code.aggregateSegments([segment], () => 300);
  return { record, segment, problems: code.detectNPlusOne(segment) };
}

console.log(`Performance insights (Node ${process.version})`);
console.log(
  '\nCPU per ingested transaction (median of 2000 runs after 200 warm-up; p95 in brackets)',
);
for (const [name, make] of [
  ['pageload, 40 spans + 5 vitals', pageloadTransaction],
  ['Django request, 30 db spans (N+1)', djangoTransaction],
]) {
  const raws = Array.from({ length: 2200 }, (_, i) => make(i));
  const before = time((i) => processOnly(raws[i % raws.length]), 2000);
  const after = time((i) => processAndInsights(raws[i % raws.length]), 2000);
  const { segment, problems } = processAndInsights(raws[0]);
  const upserts = code.aggregateBatch([{ segment, apdexThresholdMs: 300, problems: [] }]).length;
  console.log(
    `  ${name.padEnd(36)} ${fixed(after.median)} ms (${fixed(after.p95)}) — baseline processTransaction alone ` +
      `${fixed(before.median)} ms (${fixed(before.p95)}), ×${fixed(after.median / before.median, 2)}`,
  );
  console.log(
    `  ${''.padEnd(36)} D1: ${upserts} aggregate upsert (at most one per key and queue batch) + 1 insert` +
      (problems.length
        ? `, + the error-event statements once per N+1 problem (${problems.length} here)`
        : ''),
  );
}

// The error of p50/p75/p95 from merged hourly sketches against exact percentiles.
console.log(
  '\nPercentiles from sketches (1 % relative accuracy) against exact ones, 1,000,000 values',
);
{
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const values = new Float64Array(1_000_000);
  const sketch = {};
  for (let i = 0; i < values.length; i++) {
    const u = Math.max(random(), 1e-12);
    values[i] =
      250 * Math.exp(0.9 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random()));
    code.addToSketch(sketch, values[i]);
  }
  const sorted = Float64Array.from(values).sort();
  for (const q of [0.5, 0.75, 0.95]) {
    const exact = percentile(sorted, q);
    const estimate = code.sketchQuantile(sketch, q);
    console.log(
      `  p${q * 100}: exact ${fixed(exact, 2)} ms, from the sketch ${fixed(estimate, 2)} ms, error ${fixed((100 * Math.abs(estimate - exact)) / exact, 3)} % (bound 1 %)`,
    );
  }
  console.log(`  sketch size: ${Object.keys(sketch).length} buckets for 1,000,000 values`);
}

// 1,000,000 transactions over 7 days: 20 names, 2 releases, one environment.
const HOURS = 7 * 24;
const NAMES = 20;
const TOTAL = 1_000_000;
const END_HOUR = Math.floor(1_780_000_000 / 3600) * 3600;
const START_HOUR = END_HOUR - HOURS * 3600;

function aggregateRows() {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
  const rows = [];
  const perHour = Math.ceil(TOTAL / HOURS);
  for (let h = 0; h < HOURS; h++) {
    const segments = [];
    for (let i = 0; i < perHour && h * perHour + i < TOTAL; i++) {
      const n = i % NAMES;
      const pageload = n < 10;
      const start = (START_HOUR + h * 3600) * 1000 + random() * 3_599_000;
      const duration = (pageload ? 900 : 120) * (n + 1) * 0.2 * Math.exp(random() * 1.5);
      segments.push({
        projectId: 0,
        eventId: '',
        traceId: '',
        spanId: '',
        parentSpanId: null,
        name: pageload ? `/page-${n}` : `GET /api/endpoint-${n}`,
        nameSource: 'route',
        op: pageload ? 'pageload' : 'http.server',
        status: random() < 0.03 ? 'internal_error' : 'ok',
        startTimestamp: start,
        timestamp: start + duration,
        release: h < HOURS / 2 ? 'shop@1.0.0' : 'shop@1.1.0',
        environment: 'production',
        measurements: pageload
          ? {
              lcp: { value: duration * 1.8 },
              fcp: { value: duration },
              ttfb: { value: duration * 0.2 },
              cls: { value: random() * 0.3 },
              inp: { value: 80 + random() * 300 },
            }
          : {},
        spans: [],
      });
    }
    for (const row of code.aggregateSegments(segments, () => 300)) rows.push(row);
  }
  return rows;
}

const SEED_PY = `
import json, sqlite3, sys
path, rows_file, project = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = sqlite3.connect(path)
rows = [json.loads(line) for line in open(rows_file)]
db.executemany("""INSERT INTO transaction_aggregates (project_id, hour, name, op, environment, release,
  count, failures, apdex_satisfied, apdex_tolerated, duration_sum, sketches, tallies)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
  [(project, r['hour'], r['name'], r['op'], r['environment'], r['release'], r['count'], r['failures'],
    r['apdexSatisfied'], r['apdexTolerated'], r['durationSum'], json.dumps(r['sketches']), json.dumps(r['tallies'])) for r in rows])
db.commit()
db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
print(len(rows))
`;

function databaseFile(persistTo) {
  const dir = join(persistTo, 'v3/d1/miniflare-D1DatabaseObject');
  return join(
    dir,
    readdirSync(dir).find((name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite'),
  );
}

async function timeRequests(url, token, iterations = 20) {
  const times = [];
  for (let i = 0; i < iterations + 5; i++) {
    const start = performance.now();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    if (i >= 5) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

console.log(
  '\nPerformance API over 1,000,000 transactions of aggregates (7 days, 20 names, local wrangler dev + D1)',
);
const persistTo = join(work, 'd1');
applyMigrations({ persistTo });
const token = 'bench-token';
let dev = await startWranglerDev({ persistTo, vars: { FAULTLINE_ADMIN_TOKEN: token } });
try {
  const project = await fetch(`${dev.url}/api/0/projects/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'bench' }),
  }).then((response) => response.json());
  await dev.stop();
  const started = performance.now();
  const rows = aggregateRows();
  const rowsFile = join(work, 'rows.jsonl');
  writeFileSync(rowsFile, rows.map((row) => JSON.stringify(row)).join('\n'));
  const seeded = spawnSync(
    'python3',
    ['-c', SEED_PY, databaseFile(persistTo), rowsFile, String(project.id)],
    { encoding: 'utf8' },
  );
  if (seeded.status !== 0) throw new Error(`seeding needs python3: ${seeded.stderr}`);
  console.log(
    `  ${seeded.stdout.trim()} aggregate rows for ${TOTAL.toLocaleString('en')} transactions (built and written in ${fixed((performance.now() - started) / 1000, 1)} s)`,
  );
  dev = await startWranglerDev({ persistTo, vars: { FAULTLINE_ADMIN_TOKEN: token } });
  const base = `${dev.url}/api/0/projects/${project.id}/performance/`;
  const range = (hours) => `start=${END_HOUR - hours * 3600}&end=${END_HOUR}`;
  // Baseline: a one-row read through the same Worker and D1, to show what the machine adds.
  const trivial = await timeRequests(`${dev.url}/api/0/projects/${project.id}/`, token);
  console.log(
    `  baseline: GET the project (one row)         p50 ${fixed(trivial.median, 1)} ms, p95 ${fixed(trivial.p95, 1)} ms`,
  );
  for (const [what, url] of [
    ['list, last 24 h', `${base}?${range(24)}&sort=p95`],
    ['list, 7 days', `${base}?${range(HOURS)}&sort=opportunity`],
    ['summary of one page, 24 h (hourly)', `${base}summary/?transaction=%2Fpage-3&${range(24)}`],
    [
      'summary of one page, 7 days (hourly)',
      `${base}summary/?transaction=%2Fpage-3&${range(HOURS)}`,
    ],
  ]) {
    const { median, p95 } = await timeRequests(url, token);
    console.log(
      `  ${what.padEnd(42)} p50 ${fixed(median, 1)} ms, p95 ${fixed(p95, 1)} ms — ×${fixed(p95 / trivial.p95, 1)} the baseline; goal p95 ≤ 50 ms (×${fixed(p95 / 50, 2)})`,
    );
  }
} finally {
  await dev.stop();
  rmSync(work, { recursive: true, force: true });
}
