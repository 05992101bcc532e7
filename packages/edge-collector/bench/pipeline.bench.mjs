// Figures for the ingest pipeline (issue 5): CPU time per event for parse stack +
// scrub + fingerprint on a ~5 KB browser event and a ~32 KB real Django event (the real
// pipeline code, bundled with esbuild and run in Node's V8, the engine workerd runs),
// the D1 statements per event, and the bytes D1 stores per event (a real local D1
// behind `wrangler dev`, measured as the database file's growth).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { applyMigrations, startWranglerDev } from '../../../scripts/lib/localCollector.mjs';
import { importTypeScript } from './lib/importTypeScript.mjs';

const work = await mkdtemp(join(tmpdir(), 'faultline-bench-'));

function loadPipeline() {
  return importTypeScript(
    work,
    'pipeline',
    `
        export { normalizeEvent } from './src/ingest/normalizeEvent';
        export { parseEventStacks } from './src/stack/parseEventStacks';
        export { scrubEvent } from './src/scrub/scrubEvent';
        export { fingerprintEvent } from './src/fingerprint/fingerprintEvent';
        export { describeEvent } from './src/fingerprint/describeEvent';
        export { processEvent } from './src/consumer/processEvent';
        export { insertEvent } from './src/store/events';
        export { gzipText } from './src/store/payloadCodec';
        export { browserEvent } from './test/fixtures/events/browserEvent';
        export { pythonEvent } from './test/fixtures/events/pythonEvent';
        export { STACKS } from './test/fixtures/stacks';`,
  );
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** Median and p95 in ms of `run` over fresh inputs; inputs are made outside the timing. */
async function time(makeInput, run, iterations = 2000) {
  for (let i = 0; i < 300; i++) await run(makeInput());
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const input = makeInput();
    const start = performance.now();
    await run(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const ms = ({ median, p95 }) => `${median.toFixed(3)} ms (p95 ${p95.toFixed(3)})`;

async function cpuFigures(pipeline, name, makeRaw) {
  const p = pipeline;
  const parse = (raw) => p.parseEventStacks(p.normalizeEvent(raw, Date.now()));
  const parsedOf = () => parse(makeRaw());
  const size = JSON.stringify(makeRaw()).length;
  const stages = {
    'parse stack': await time(makeRaw, parse),
    scrub: await time(parsedOf, (event) => p.scrubEvent(event, { salt: 'bench' })),
    'fingerprint + title': await time(parsedOf, (event) => {
      p.fingerprintEvent(event);
      p.describeEvent(event);
    }),
    'whole processEvent': await time(makeRaw, (raw) => {
      const receivedAt = Date.now();
      const context = { projectId: 1, receivedAt, clientIp: '203.0.113.7' };
      return p.processEvent(p.normalizeEvent(raw, receivedAt), context);
    }),
  };
  const receivedAt = Date.now();
  const event = p.normalizeEvent(makeRaw(), receivedAt);
  const record = await p.processEvent(event, { projectId: 1, receivedAt });
  const gzipped = await p.gzipText(record.payload);
  console.log(`\n${name} (${(size / 1024).toFixed(1)} KB as sent)`);
  for (const [stage, figure] of Object.entries(stages))
    console.log(`  ${stage.padEnd(22)} ${ms(figure)}`);
  console.log(
    `  stored payload         ${record.payload.length} B JSON → ${gzipped.length} B gzip (${ms(
      await time(
        () => record.payload,
        (text) => p.gzipText(text),
        500,
      ),
    )} to compress)`,
  );
}

/** The statements insertEvent sends, counted with a stand-in D1 that records them. */
async function statementFigures(pipeline, makeRaw) {
  let batches = 0;
  let statements = 0;
  const fakeDb = {
    prepare: () => ({
      bind() {
        return this;
      },
    }),
    batch: async (list) => {
      batches += 1;
      statements += list.length;
      const outcome = {
        id: 1,
        status: 'unresolved',
        transition: null,
        counted: 1,
        event_count: 2,
        user_count: 1,
      };
      return list.map((_, i) => ({
        results: i === list.length - 1 ? [outcome] : [],
        meta: { changes: 1 },
      }));
    },
  };
  const receivedAt = Date.now();
  const event = pipeline.normalizeEvent(makeRaw(), receivedAt);
  const record = await pipeline.processEvent(event, { projectId: 1, receivedAt });
  await pipeline.insertEvent(fakeDb, record);
  return { batches, statements };
}

// workerd leaves D1 writes in the SQLite WAL and D1 refuses PRAGMAs, so a copy of
// the files is checkpointed and measured with Python's sqlite3 (dbstat: bytes per table).
const MEASURE_PY = `
import json, shutil, sqlite3, sys, tempfile, os
src, = sys.argv[1:]
tmp = tempfile.mkdtemp()
for suffix in ('', '-wal'):
    if os.path.exists(src + suffix): shutil.copy(src + suffix, os.path.join(tmp, 'db.sqlite' + suffix))
db = sqlite3.connect(os.path.join(tmp, 'db.sqlite'))
db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
rows = db.execute("SELECT coalesce(t.tbl_name, d.name), sum(d.pgsize) FROM dbstat d LEFT JOIN sqlite_master t ON t.name = d.name GROUP BY 1").fetchall()
print(json.dumps(dict(rows)))
shutil.rmtree(tmp)
`;

/** Bytes per table (indexes counted with their table) of the local D1 database. */
function databaseBytes(persistTo) {
  const dir = join(persistTo, 'v3/d1/miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find(
    (name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite',
  );
  const result = spawnSync('python3', ['-c', MEASURE_PY, join(dir, file)], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`measuring the database needs python3: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Sends `count` events to a real local collector; returns the bytes D1 grew by per event. */
async function storedBytesPerEvent(makeRaw, count) {
  const persistTo = join(work, `d1-${Math.random().toString(16).slice(2)}`);
  applyMigrations({ persistTo });
  const token = 'bench-token';
  const collector = await startWranglerDev({ persistTo, vars: { FAULTLINE_ADMIN_TOKEN: token } });
  const api = (path, init = {}) =>
    fetch(`${collector.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    }).then((response) => response.json());
  const project = await api('/api/0/projects/', {
    method: 'POST',
    body: JSON.stringify({ name: 'bench' }),
  });
  const before = databaseBytes(persistTo);
  for (let i = 0; i < count; i++) {
    const event = makeRaw(i);
    const body = `${JSON.stringify({ event_id: event.event_id })}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
    const response = await fetch(
      `${collector.url}/api/${project.id}/envelope/?sentry_key=${project.publicKey}`,
      {
        method: 'POST',
        body,
        headers: { 'CF-Connecting-IP': `198.51.100.${i % 40}` },
      },
    );
    if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
  }
  // The queue consumer stores after the answers: wait until every event is counted.
  for (;;) {
    const stats = await api(`/api/0/projects/${project.id}/stats/`);
    if ((stats.totals.accepted ?? 0) >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await collector.stop();
  const after = databaseBytes(persistTo);
  const perTable = {};
  for (const [table, bytes] of Object.entries(after)) {
    const grown = (bytes - (before[table] ?? 0)) / count;
    if (grown > 0) perTable[table] = Math.round(grown);
  }
  const total = Object.values(perTable).reduce((sum, bytes) => sum + bytes, 0);
  return { total, perTable };
}

const pipeline = await loadPipeline();
const eventId = (i) => (i + 1).toString(16).padStart(32, 'e');
const browsers = Object.values(pipeline.STACKS);
const browser = (i = 0) =>
  pipeline.browserEvent(eventId(i), browsers[i % 3], {
    user: { id: `u${i % 50}`, email: 'jane.doe@example.com' },
  });
const python = (i = 0) => pipeline.pythonEvent(eventId(100_000 + i));

try {
  console.log(
    'Pipeline CPU per event (median of 2000 runs after 300 warm-up, Node',
    process.version,
    ')',
  );
  await cpuFigures(pipeline, 'browser event (Faultline SDK, raw Chrome/Firefox/Safari stack)', () =>
    browser(),
  );
  await cpuFigures(
    pipeline,
    'python event (a real sentry-python 1.9.10 Django capture: chained exception, frame vars)',
    () => python(),
  );

  const { batches, statements } = await statementFigures(pipeline, () => browser());
  console.log(
    `\nD1 per event: 1 read (DSN key) + ${batches} batch of ${statements} statements ` +
      '(release, issue upsert with status transition, event row, tag values, hourly count, outcome read)',
  );

  console.log('D1 bytes per event (pages used, indexes counted with their table):');
  for (const [name, make, count] of [
    ['browser', browser, 500],
    ['python', python, 200],
  ]) {
    const { total, perTable } = await storedBytesPerEvent(make, count);
    const parts = Object.entries(perTable)
      .map(([table, bytes]) => `${table} ${bytes}`)
      .join(', ');
    console.log(`  ${name} event: ${total} B over ${count} events (${parts})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
