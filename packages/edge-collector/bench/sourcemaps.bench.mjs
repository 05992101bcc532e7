// Figures for source maps (issue 13): CPU per event to symbolicate 20 frames over a ~1 MB
// source map, cold (nothing cached) and warm (parsed map in the isolate cache), beside a
// baseline that parses the whole map as uploaded; R2 reads per event; and the time to
// upload a 10 MB bundle to a real `wrangler dev` (local R2 and D1) as sentry-cli does.
// The map is real: the collector, the browser SDK, fflate and web-vitals, bundled and
// minified by esbuild.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  eachMapping,
  originalPositionFor,
  sourceContentFor,
  TraceMap,
} from '@jridgewell/trace-mapping';
import { build } from 'esbuild';
import { strToU8, zipSync } from 'fflate';
import {
  applyMigrations,
  repoRoot,
  startWranglerDev,
} from '../../../scripts/lib/localCollector.mjs';
import { importTypeScript } from './lib/importTypeScript.mjs';

const work = await mkdtemp(join(tmpdir(), 'faultline-bench-'));
const lib = await importTypeScript(
  work,
  'sourcemaps',
  `export { prepareSourceMap } from './src/sourcemaps/prepareSourceMap';
   export { symbolicateEvent } from './src/symbolicate/symbolicateEvent';
   export { MapCache } from './src/symbolicate/MapCache';
   export { readBundle } from './src/sourcemaps/readBundle';
   export { indexBundle } from './src/sourcemaps/indexBundle';`,
);

async function bundleApp(contents) {
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    sourcemap: 'external',
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['node:*', 'cloudflare:*'],
    outfile: join(work, 'app.js'),
    write: false,
    logLevel: 'error',
  });
  const map = result.outputFiles.find((file) => file.path.endsWith('.map')).text;
  const code = result.outputFiles.find((file) => file.path.endsWith('.js')).text;
  return { code, map };
}

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Median and p95 CPU ms of `run` over `iterations`; inputs are made outside the timing. */
async function time(makeInput, run, iterations = 200) {
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const input = makeInput();
    const start = cpuMs();
    await run(input);
    times.push(cpuMs() - start);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    p95: times[Math.floor(times.length * 0.95)],
  };
}

const ms = ({ median, p95 }) => `${median.toFixed(3)} ms (p95 ${p95.toFixed(3)})`;

// --- symbolication -------------------------------------------------------------------
const app = await bundleApp(
  `export * from './packages/edge-collector/src/index.ts';
   export * from './packages/browser/src/index.ts';
   export * as fflate from 'fflate';
   export * as webVitals from 'web-vitals/attribution';`,
);
const raw = new TraceMap(JSON.parse(app.map));
const mapped = [];
eachMapping(raw, (m) => {
  if (m.source) mapped.push(m);
});
const frames = Array.from({ length: 20 }, (_, i) => {
  const m = mapped[Math.floor(((i + 0.5) * mapped.length) / 20)];
  return {
    abs_path: 'https://app.example.com/assets/app.js',
    function: 't',
    lineno: m.generatedLine,
    colno: m.generatedColumn + 1,
  };
});
const makeEvent = () => ({
  event_id: 'b'.repeat(32),
  platform: 'javascript',
  release: 'bench@1',
  exception: {
    values: [{ type: 'Error', value: 'bench', stacktrace: { frames: structuredClone(frames) } }],
  },
});
const prepared = lib.prepareSourceMap(strToU8(app.map));
let r2Reads = 0;
const reader = {
  findMaps: async () => [
    { debugId: null, release: 'bench@1', urlPath: '/assets/app.js', mapKey: 'k', problem: null },
  ],
  readMap: async () => {
    r2Reads++;
    return prepared.text;
  },
};
const firstStart = cpuMs();
await lib.symbolicateEvent(makeEvent(), reader, new lib.MapCache(64 * 1024 * 1024));
const firstEver = cpuMs() - firstStart;
const check = await lib.symbolicateEvent(makeEvent(), reader, new lib.MapCache(64 * 1024 * 1024));
if (check.symbolication.symbolicatedFrames !== 20) throw new Error('bench frames did not map');

// Baseline: what symbolication costs without the upload-time preparation: parse the whole
// map as uploaded, then look up each frame and split its source for context.
const baselineRun = (text) => {
  const map = new TraceMap(JSON.parse(text));
  for (const frame of frames) {
    const position = originalPositionFor(map, { line: frame.lineno, column: frame.colno - 1 });
    sourceContentFor(map, position.source)?.split('\n');
  }
};
// Cold and baseline interleaved, so machine load drifts over both alike.
const coldTimes = [];
const baselineTimes = [];
for (let i = 0; i < 200; i++) {
  const event = makeEvent();
  let start = cpuMs();
  await lib.symbolicateEvent(event, reader, new lib.MapCache(64 * 1024 * 1024));
  coldTimes.push(cpuMs() - start);
  start = cpuMs();
  baselineRun(app.map);
  baselineTimes.push(cpuMs() - start);
}
const summarize = (times) => {
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    p95: times[Math.floor(times.length * 0.95)],
  };
};
const cold = summarize(coldTimes);
const baseline = summarize(baselineTimes);
r2Reads = 0;
const warmCache = new lib.MapCache(64 * 1024 * 1024);
await lib.symbolicateEvent(makeEvent(), reader, warmCache);
const readsCold = r2Reads;
r2Reads = 0;
const warm = await time(makeEvent, (event) => lib.symbolicateEvent(event, reader, warmCache), 2000);
const readsWarm = r2Reads / 2000;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(
  `\nSource maps: symbolicating 20 frames over a ${kb(app.map.length)} map ` +
    `(${kb(JSON.parse(app.map).mappings.length)} of mappings; prepared object ${kb(prepared.text.length)})`,
);
console.log(
  `  cold (nothing cached)      ${ms(cold)}   baseline, whole map parsed: ${ms(baseline)}, ratio ${(cold.median / baseline.median).toFixed(2)}`,
);
console.log(
  `  warm (isolate cache)       ${ms(warm)}   ratio to cold ${(warm.median / cold.median).toFixed(3)}`,
);
console.log(`  first event of a process   ${firstEver.toFixed(3)} ms (code not yet compiled)`);
console.log(
  `  R2 reads per event         cold ${readsCold}, warm ${readsWarm}; D1 queries per event 1`,
);

// --- upload ---------------------------------------------------------------------------
const files = {};
const manifest = { files: {}, org: 'bench', project: '1' };
let total = 0;
for (let i = 0; total < 10 * 1024 * 1024; i++) {
  const { code, map } = await bundleApp(
    `import * as S from '@sentry/browser'; export const part${i} = S; export * from './packages/edge-collector/src/index.ts';`,
  );
  for (const [name, text, type] of [
    [`part${i}.js`, code, 'minified_source'],
    [`part${i}.js.map`, map, 'source_map'],
  ]) {
    files[`files/_/_/${name}`] = strToU8(text);
    manifest.files[`files/_/_/${name}`] = {
      type,
      url: `~/assets/${name}`,
      headers: type === 'minified_source' ? { sourcemap: `${name}.map` } : {},
    };
    total += text.length;
  }
}
const zip = zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), ...files });
const assembleCpu = await time(
  () => zip,
  (bytes) => {
    const bundle = lib.readBundle(bytes);
    for (const map of lib.indexBundle(bundle)) lib.prepareSourceMap(bundle.read(map.path));
  },
  5,
);

const persistTo = await mkdtemp(join(tmpdir(), 'faultline-bench-d1-'));
applyMigrations({ persistTo });
const dev = await startWranglerDev({
  persistTo,
  vars: { FAULTLINE_ADMIN_TOKEN: 'bench-admin', FAULTLINE_MODE: 'local' },
});
try {
  const auth = { Authorization: 'Bearer bench-admin' };
  const project = await (
    await fetch(`${dev.url}/api/0/projects/`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'bench' }),
    })
  ).json();
  const sha1 = async (bytes) =>
    Buffer.from(await crypto.subtle.digest('SHA-1', bytes)).toString('hex');
  async function upload(bytes, projectId) {
    const chunkSize = 8 * 1024 * 1024;
    const chunks = [];
    const start = performance.now();
    for (let offset = 0; offset < bytes.length; offset += chunkSize) {
      const chunk = bytes.subarray(offset, offset + chunkSize);
      const name = await sha1(chunk);
      chunks.push(name);
      const form = new FormData();
      form.append('file_gzip', new Blob([gzipSync(chunk)]), name);
      const response = await fetch(`${dev.url}/api/0/organizations/o/chunk-upload/`, {
        method: 'POST',
        headers: auth,
        body: form,
      });
      if (!response.ok) throw new Error(`chunk upload: ${response.status}`);
    }
    const chunked = performance.now();
    const response = await fetch(`${dev.url}/api/0/organizations/o/artifactbundle/assemble/`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ checksum: await sha1(bytes), chunks, projects: [String(projectId)] }),
    });
    const answer = await response.json();
    if (answer.state !== 'ok') throw new Error(`assemble: ${JSON.stringify(answer)}`);
    return { chunks: chunked - start, total: performance.now() - start };
  }
  const timing = await upload(zip, project.id);
  console.log(
    `  upload of a ${(total / 1024 / 1024).toFixed(1)} MB bundle (${(zip.length / 1024 / 1024).toFixed(1)} MB zipped), wrangler dev: ` +
      `${timing.total.toFixed(0)} ms wall (chunk upload alone, the baseline: ${timing.chunks.toFixed(0)} ms, ratio ${(timing.total / timing.chunks).toFixed(2)})`,
  );
  console.log(
    `  assembly CPU (unzip, index, prepare ${Object.keys(files).length / 2} maps) ${ms(assembleCpu)}`,
  );
} finally {
  await dev.stop();
}
