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
   export { addToSketch, emptySketch, sketchQuantile } from './src/insights/quantileSketch';
   export { addAggregate, emptyAggregate } from './src/insights/addAggregate';
   export { aggregateStatements } from './src/store/transactionAggregates';
   export { periodParts, selectAggregateGroups } from './src/store/transactionAggregateReads';
   export { performanceFigures } from './src/insights/performanceFigures';
   export { SKETCH_METRICS } from './src/types/TransactionAggregate';`,
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
  const rows = code.aggregateBatch([{ segment, apdexThresholdMs: 300, problems: [] }]);
  const recorder = { prepare: () => ({ bind: () => ({}) }) };
  const upserts = rows.flatMap((row) => code.aggregateStatements(recorder, row)).length;
  console.log(
    `  ${name.padEnd(36)} ${fixed(after.median)} ms (${fixed(after.p95)}) — baseline processTransaction alone ` +
      `${fixed(before.median)} ms (${fixed(before.p95)}), ×${fixed(after.median / before.median, 2)}`,
  );
  console.log(
    `  ${''.padEnd(36)} D1: ${upserts} aggregate upserts (its hour and its day, at most once per key and queue batch) + 1 insert` +
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
  const sketch = code.emptySketch();
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
  console.log(
    `  sketch size: ${sketch.length - 2} buckets (${JSON.stringify(sketch).length} bytes stored) for 1,000,000 values`,
  );
}

// Two projects of 1,000,000 transactions each, 20 names, 2 releases, one environment:
// one spread over 30 days (periods of 1 h to 30 days), one over 7 days (the data shape of
// the figures recorded before the daily rollups). Periods end at 20:00 UTC, so every
// period past a day has edge hours read from the hourly rows.
const NAMES = 20;
const TOTAL = 1_000_000;
const END_HOUR = Math.floor(1_780_000_000 / 3600) * 3600;
const DAY = 86_400;

/** Adds an aggregate row into `rows`' row of the same key at `time` (an hour or a day). */
function addRow(rows, row, time) {
  const key = [row.name, row.op, row.environment, row.release, time].join('\u0000');
  let target = rows.get(key);
  if (!target) {
    target = {
      name: row.name,
      op: row.op,
      environment: row.environment,
      release: row.release,
      time,
      ...code.emptyAggregate(),
    };
    rows.set(key, target);
  }
  code.addAggregate(target, row);
}

/** The hourly rows of `days` days of transactions and their daily rollups, as ingest writes them. */
function aggregateRows(days, seedValue, total = TOTAL) {
  let seed = seedValue;
  const random = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
  const hours = days * 24;
  const startHour = END_HOUR - hours * 3600;
  const hourly = new Map();
  const daily = new Map();
  const perHour = Math.ceil(total / hours);
  for (let h = 0; h < hours; h++) {
    const segments = [];
    for (let i = 0; i < perHour && h * perHour + i < total; i++) {
      const n = i % NAMES;
      const pageload = n < 10;
      const start = (startHour + h * 3600) * 1000 + random() * 3_599_000;
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
        release: h < hours / 2 ? 'shop@1.0.0' : 'shop@1.1.0',
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
        spans: pageload
          ? []
          : [{ op: 'db', startTimestamp: start, timestamp: start + duration / 3 }],
      });
    }
    for (const row of code.aggregateSegments(segments, () => 300)) {
      // A transaction that ends in the next hour is counted there, as ingest does.
      addRow(hourly, row, row.hour);
      addRow(daily, row, Math.floor(row.hour / DAY) * DAY);
    }
  }
  return { hourly: [...hourly.values()], daily: [...daily.values()] };
}

/** Bytes the rows' sketches took in the format before migration 0120: `{"metric:bucket": count}`. */
function oldFormatBytes(rows) {
  let bytes = 0;
  for (const row of rows) {
    const old = {};
    for (const [metric, [zero, offset, ...counts]] of Object.entries(row.sketches)) {
      if (zero) old[`${metric}:z`] = zero;
      counts.forEach((count, i) => {
        if (count) old[`${metric}:${offset + i}`] = count;
      });
    }
    bytes += JSON.stringify(old).length;
  }
  return bytes;
}

const SEED_PY = `
import json, sqlite3, sys
path, rows_file, project, table, time_column = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
metrics = json.loads(sys.argv[6])
db = sqlite3.connect(path)
compact = lambda value: json.dumps(value, separators=(',', ':'))
rows = [json.loads(line) for line in open(rows_file)]
db.executemany(f"""INSERT INTO {table} (project_id, {time_column}, name, op, environment, release,
  count, failures, apdex_satisfied, apdex_tolerated, duration_sum, {', '.join(metrics)}, vital_tallies, span_ops)
  VALUES ({', '.join(['?'] * (13 + len(metrics)))})""",
  [(project, r['time'], r['name'], r['op'], r['environment'], r['release'], r['count'], r['failures'],
    r['apdexSatisfied'], r['apdexTolerated'], r['durationSum'],
    *[compact(r['sketches'].get(m, [0, 0])) for m in metrics],
    compact(r['vitalTallies']), compact(r['spanOps'])) for r in rows])
db.commit()
size = db.execute(f"SELECT sum(length({' || '.join(metrics)})) FROM {table} WHERE project_id = ?", (project,)).fetchone()[0]
db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
print(len(rows), size)
`;

function databaseFile(persistTo) {
  const dir = join(persistTo, 'v3/d1/miniflare-D1DatabaseObject');
  return join(
    dir,
    readdirSync(dir).find((name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite'),
  );
}

function seed(persistTo, projectId, rows, table, timeColumn) {
  const rowsFile = join(work, `${table}-${projectId}.jsonl`);
  writeFileSync(rowsFile, rows.map((row) => JSON.stringify(row)).join('\n'));
  const seeded = spawnSync(
    'python3',
    [
      '-c',
      SEED_PY,
      databaseFile(persistTo),
      rowsFile,
      String(projectId),
      table,
      timeColumn,
      JSON.stringify(code.SKETCH_METRICS),
    ],
    { encoding: 'utf8' },
  );
  if (seeded.status !== 0) throw new Error(`seeding needs python3: ${seeded.stderr}`);
  const [count, bytes] = seeded.stdout.trim().split(' ').map(Number);
  return { count, bytes };
}

/**
 * One request's time (ms). A connection wrangler dropped (it does on a loaded
 * machine) is retried, twice at most, and the try that answered is timed.
 */
async function timeRequest(url, token) {
  for (let attempt = 0; ; attempt++) {
    const start = performance.now();
    try {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return performance.now() - start;
    } catch (error) {
      if (attempt === 2 || error.cause?.code !== 'UND_ERR_SOCKET') throw error;
    }
  }
}

/**
 * Times `urls` in rounds, each round requesting every URL once (the baseline among
 * them), so all see the same load on a shared machine; 5 rounds warm up.
 */
async function timeInterleaved(urls, token, rounds = 25) {
  const times = urls.map(() => []);
  for (let round = 0; round < rounds + 5; round++) {
    for (const [index, url] of urls.entries()) {
      const time = await timeRequest(url, token);
      if (round >= 5) times[index].push(time);
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return { median: percentile(list, 0.5), p95: percentile(list, 0.95) };
  });
}

/**
 * The Worker's own JS work for an answer, without D1 or HTTP: the rows D1 would
 * return for the period (JSON text columns, as D1 gives them) merged by
 * `selectAggregateGroups` and turned into figures, median of 20 runs.
 */
async function jsWork(rows, filter, read) {
  const results = [];
  const useDays = !read.stepSeconds || read.stepSeconds % DAY === 0;
  for (const part of code.periodParts(filter.startHour, filter.endHour, useDays)) {
    const source = part.grain.time === 'hour' ? rows.hourly : rows.daily;
    for (const row of source) {
      if (row.time < part.start || row.time >= part.end) continue;
      if (filter.name && row.name !== filter.name) continue;
      const result = {
        grp: filter.name ? Math.floor(row.time / read.stepSeconds) * read.stepSeconds : row.name,
        op: row.op,
        count: row.count,
        failures: row.failures,
        apdex_satisfied: row.apdexSatisfied,
        apdex_tolerated: row.apdexTolerated,
        duration_sum: row.durationSum,
        vital_tallies: JSON.stringify(row.vitalTallies),
        span_ops: JSON.stringify(row.spanOps),
      };
      for (const metric of code.SKETCH_METRICS) {
        result[metric] = JSON.stringify(row.sketches[metric] ?? [0, 0]);
      }
      results.push(result);
    }
  }
  const db = { prepare: () => ({ bind: () => ({ all: async () => ({ results }) }) }) };
  const times = [];
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    const groups = await code.selectAggregateGroups(db, filter, read);
    for (const group of groups) code.performanceFigures(group);
    if (i >= 5) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), rows: results.length };
}

console.log(
  '\nPerformance API over 1,000,000 transactions per project (20 names, local wrangler dev + D1; median and p95 of 20 requests after 5)',
);
const persistTo = join(work, 'd1');
applyMigrations({ persistTo });
const token = 'bench-token';
let dev = await startWranglerDev({ persistTo, vars: { FAULTLINE_ADMIN_TOKEN: token } });
const datasets = [
  { days: 30, seed: 7, periods: [1, 24, 7 * 24, 30 * 24] },
  { days: 7, seed: 11, periods: [24, 7 * 24] },
];
try {
  for (const dataset of datasets) {
    dataset.project = await fetch(`${dev.url}/api/0/projects/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: `bench ${dataset.days} days` }),
    }).then((response) => response.json());
  }
  await dev.stop();
  for (const dataset of datasets) {
    const started = performance.now();
    const { hourly, daily } = aggregateRows(dataset.days, dataset.seed);
    dataset.rows = { hourly, daily };
    const hours = seed(persistTo, dataset.project.id, hourly, 'transaction_aggregates', 'hour');
    const days = seed(persistTo, dataset.project.id, daily, 'transaction_aggregates_daily', 'day');
    console.log(
      `  ${dataset.days} days: ${hours.count} hourly rows (sketches ${fixed(hours.bytes / hours.count / 1024, 2)} KB a row; ` +
        `${fixed(oldFormatBytes(hourly) / hourly.length / 1024, 2)} KB in the format before 0120), ` +
        `${days.count} daily rows (${fixed(days.bytes / days.count / 1024, 1)} KB a row), built and written in ${fixed((performance.now() - started) / 1000, 1)} s`,
    );
  }
  dev = await startWranglerDev({ persistTo, vars: { FAULTLINE_ADMIN_TOKEN: token } });
  for (const dataset of datasets) {
    const { id } = dataset.project;
    const base = `${dev.url}/api/0/projects/${id}/performance/`;
    const range = (hours) => `start=${END_HOUR - hours * 3600}&end=${END_HOUR}`;
    const cases = dataset.periods.flatMap((hours) => {
      const period = hours < 24 ? `${hours} h` : hours === 24 ? '24 h' : `${hours / 24} days`;
      const filter = { projectId: id, startHour: END_HOUR - hours * 3600, endHour: END_HOUR };
      const all = { sketches: code.SKETCH_METRICS, vitalTallies: true };
      const step = hours > 7 * 24 ? DAY : 3600;
      return [
        { what: `list, ${period}`, url: `${base}?${range(hours)}&sort=p95`, filter, read: all },
        {
          what: `summary of one page, ${period}`,
          url: `${base}summary/?transaction=%2Fpage-3&${range(hours)}`,
          filter: { ...filter, name: '/page-3' },
          read: { ...all, spanOps: true, stepSeconds: step },
        },
      ];
    });
    // Baseline: a one-row read through the same Worker and D1, timed in the same rounds.
    const [trivial, ...timed] = await timeInterleaved(
      [`${dev.url}/api/0/projects/${id}/`, ...cases.map((c) => c.url)],
      token,
    );
    console.log(
      `\n  1,000,000 transactions over ${dataset.days} days — baseline: GET the project (one row) p50 ${fixed(trivial.median, 1)} ms, p95 ${fixed(trivial.p95, 1)} ms`,
    );
    for (const [index, { what, filter, read }] of cases.entries()) {
      const { median, p95 } = timed[index];
      const js = await jsWork(dataset.rows, filter, read);
      console.log(
        `  ${what.padEnd(32)} p50 ${fixed(median, 1)} ms, p95 ${fixed(p95, 1)} ms (×${fixed(median / trivial.median, 1)} / ×${fixed(p95 / trivial.p95, 1)} the baseline); ` +
          `goal p95 ≤ 50 ms${p95 <= 50 ? ' met' : ` ×${fixed(p95 / 50, 2)}`}; ${js.rows} rows read, JS merge + figures ${fixed(js.median, 2)} ms`,
      );
    }
  }
} finally {
  await dev.stop();
}

// What the aggregate upserts cost SQLite when they merge into stored rows: the
// statements the consumer runs for one key of a queue batch (its real SQL), run against
// the 30-day project's database, merging into a populated hour and day; beside them, in
// the same run, the single upsert of the format before migration 0120 (its SQL, kept
// here) merging the same figures into the same hour stored in that format.
const OLD_UPSERT = `INSERT INTO old_aggregates (k, sketches, tallies) VALUES (1, ?, ?)
  ON CONFLICT (k) DO UPDATE SET
  sketches = (SELECT json_group_object(key, total) FROM (SELECT key, sum(value) AS total FROM (
    SELECT key, value FROM json_each(old_aggregates.sketches)
    UNION ALL SELECT key, value FROM json_each(excluded.sketches)) GROUP BY key)),
  tallies = (SELECT json_group_object(key, total) FROM (SELECT key, sum(value) AS total FROM (
    SELECT key, value FROM json_each(old_aggregates.tallies)
    UNION ALL SELECT key, value FROM json_each(excluded.tallies)) GROUP BY key))`;

/** A row's sketches and tallies in the format before 0120. */
function oldFormat(row) {
  const sketches = {};
  for (const [metric, [zero, offset, ...counts]] of Object.entries(row.sketches)) {
    if (zero) sketches[`${metric}:z`] = zero;
    counts.forEach((count, i) => {
      if (count) sketches[`${metric}:${offset + i}`] = count;
    });
  }
  const tallies = { ...row.vitalTallies };
  for (const [category, ms] of Object.entries(row.spanOps)) tallies[`ops.${category}`] = ms;
  return [JSON.stringify(sketches), JSON.stringify(tallies)];
}

const UPSERT_PY = `
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
job = json.load(open(sys.argv[2]))
def timed(statements):
  for s in statements: db.execute(s['sql'], s['args'])
  times = []
  for _ in range(200):
    start = time.process_time()
    for s in statements: db.execute(s['sql'], s['args'])
    times.append((time.process_time() - start) * 1000)
  times.sort()
  return times[100]
now = timed(job['now'])
db.execute('CREATE TEMP TABLE old_aggregates (k INTEGER PRIMARY KEY, sketches TEXT, tallies TEXT)')
db.execute('INSERT INTO old_aggregates VALUES (1, ?, ?)', job['stored'])
before = timed([{'sql': job['old'], 'args': job['added']}])
db.rollback()
print(now, before)
`;

{
  const hour = END_HOUR - 5 * 3600;
  const stored = datasets[0].rows.hourly.find((r) => r.name === '/page-3' && r.time === hour);
  console.log(
    `\nIngest: SQLite CPU (${spawnSync('python3', ['-c', 'import sqlite3; print(sqlite3.sqlite_version)'], { encoding: 'utf8' }).stdout.trim()}) of one key's aggregate upserts merging into stored rows (a page's hour of ${stored.count} transactions), median of 200`,
  );
  // A queue batch of 100 transactions over 20 names adds about 5 to a key; a busy page more.
  for (const perHour of [100, 2000]) {
    const { hourly } = aggregateRows(1, 3, 24 * perHour);
    const row = hourly.find((r) => r.name === '/page-3');
    const statements = [];
    const recorder = {
      prepare: (sql) => ({
        bind: (...args) => {
          statements.push({ sql, args });
          return {};
        },
      }),
    };
    code.aggregateStatements(recorder, {
      ...row,
      projectId: datasets[0].project.id,
      hour,
      eventIds: ['0'.repeat(32)],
    });
    const file = join(work, 'upserts.json');
    const job = {
      now: statements,
      old: OLD_UPSERT,
      stored: oldFormat(stored),
      added: oldFormat(row),
    };
    writeFileSync(file, JSON.stringify(job));
    const result = spawnSync('python3', ['-c', UPSERT_PY, databaseFile(persistTo), file], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(result.stderr);
    const [now, before] = result.stdout.trim().split(' ').map(Number);
    console.log(
      `  adding ${String(row.count).padStart(4)} transactions: hour + day upserts ${fixed(now, 2)} ms — ` +
        `baseline, the one upsert of the format before 0120: ${fixed(before, 2)} ms (×${fixed(now / before, 1)})`,
    );
  }
}
rmSync(work, { recursive: true, force: true });
