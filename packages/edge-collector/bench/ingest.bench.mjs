// Ingest throughput end to end: realistic ~5 KB browser envelopes posted to a local
// `wrangler dev` (workerd + local D1 + local Queue) at 10 and 50 connections, beside a
// no-op Worker started the same way in the same run (the baseline). Prints accepted
// events/s, answer times, and for the collector how many were stored once the queue
// drained and how long draining took after the last answer.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations, startWranglerDev } from '../../../scripts/lib/localCollector.mjs';
import { measureWorker } from '../../../scripts/lib/workerSize.mjs';
import { importTypeScript } from './lib/importTypeScript.mjs';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1500);
const CONNECTIONS = [10, 50];
const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'faultline-bench-'));

const { browserEvent, STACKS } = await importTypeScript(
  work,
  'fixtures',
  `export { browserEvent } from './test/fixtures/events/browserEvent';
    export { STACKS } from './test/fixtures/stacks';`,
);
const stacks = Object.values(STACKS);

function envelopes(count) {
  return Array.from({ length: count }, (_, i) => {
    const eventId = randomBytes(16).toString('hex');
    const event = browserEvent(eventId, stacks[i % stacks.length]);
    return `{"event_id":"${eventId}"}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
  });
}

/** Posts every body with `connections` concurrent senders; answer times in ms. */
async function blast(endpoint, bodies, connections) {
  const latencies = [];
  let next = 0;
  let accepted = 0;
  async function sender() {
    while (next < bodies.length) {
      const body = bodies[next++];
      const start = performance.now();
      const response = await fetch(endpoint, { method: 'POST', body });
      await response.arrayBuffer();
      if (response.status === 200) accepted += 1;
      latencies.push(performance.now() - start);
    }
  }
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, sender));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
  return { accepted, perSecond: accepted / seconds, p50: at(0.5), p99: at(0.99) };
}

const persistTo = join(work, 'd1');
applyMigrations({ persistTo });
const token = randomBytes(16).toString('hex');
const collector = await startWranglerDev({
  persistTo,
  vars: { FAULTLINE_ADMIN_TOKEN: token, FAULTLINE_MODE: 'local' },
});
const noop = await startWranglerDev({ config: join(here, 'noop/wrangler.toml') });
const api = (path, init = {}) =>
  fetch(`${collector.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}` },
  }).then((response) => response.json());

try {
  const project = await api('/api/0/projects/', {
    method: 'POST',
    body: JSON.stringify({ name: 'bench' }),
  });
  // The per-project limit would answer 429 past 1000/min; a bench measures storage.
  await api(`/api/0/projects/${project.id}/`, {
    method: 'PUT',
    body: JSON.stringify({ settings: { rateLimitPerMinute: 0 } }),
  });
  const path = `/api/${project.id}/envelope/?sentry_key=${project.publicKey}&sentry_version=7`;
  const bodies = envelopes(EVENTS);
  console.log(
    `ingest: ${EVENTS} browser events of ${(bodies[0].length / 1024).toFixed(1)} KB per run, local wrangler dev`,
  );
  let storedBefore = 0;
  for (const connections of CONNECTIONS) {
    const baseline = await blast(`${noop.url}${path}`, bodies, connections);
    const run = await blast(`${collector.url}${path}`, envelopes(EVENTS), connections);
    const answered = performance.now();
    let stored = 0;
    for (;;) {
      const stats = await api(`/api/0/projects/${project.id}/stats/`);
      stored = (stats.totals.accepted ?? 0) - storedBefore;
      if (stored >= run.accepted || performance.now() - answered > 300_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const drainSeconds = (performance.now() - answered) / 1000;
    storedBefore += stored;
    const row = (name, r) =>
      `  ${name.padEnd(9)} ${String(r.accepted).padStart(5)} accepted, ${r.perSecond.toFixed(0).padStart(5)}/s, ` +
      `answer p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;
    console.log(`${connections} connections:`);
    console.log(row('no-op', baseline));
    console.log(
      `${row('collector', run)}; stored ${stored} (drained ${drainSeconds.toFixed(1)} s after the last answer); ` +
        `${(run.perSecond / baseline.perSecond).toFixed(2)} × the no-op`,
    );
  }
} finally {
  await collector.stop();
  await noop.stop();
  rmSync(work, { recursive: true, force: true });
}

const size = measureWorker();
console.log(
  `Worker (wrangler deploy --dry-run): ${(size.raw / 1024).toFixed(1)} KiB, ` +
    `${(size.gzip / 1024).toFixed(1)} KiB gzip (free plan limit 3,072 KiB)`,
);
