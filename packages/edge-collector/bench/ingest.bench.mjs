// Ingest throughput end to end: realistic ~5 KB browser envelopes posted to a local
// `wrangler dev` (workerd + local D1) by several concurrent senders, as a busy page
// fleet would. Prints events per second and the latency seen by the senders.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, startWranglerDev } from '../../../scripts/lib/localCollector.mjs';
import { importTypeScript } from './lib/importTypeScript.mjs';

const EVENTS = 1000;
const CONCURRENCY = 8;
const work = mkdtempSync(join(tmpdir(), 'faultline-bench-'));

function loadFixtures() {
  return importTypeScript(
    work,
    'fixtures',
    `export { browserEvent } from './test/fixtures/events/browserEvent';
      export { STACKS } from './test/fixtures/stacks';`,
  );
}

const { browserEvent, STACKS } = await loadFixtures();
const persistTo = join(work, 'd1');
applyMigrations({ persistTo });
const token = randomBytes(16).toString('hex');
const dev = await startWranglerDev({
  persistTo,
  vars: { FAULTLINE_ADMIN_TOKEN: token, FAULTLINE_MODE: 'local' },
});

try {
  const created = await fetch(`${dev.url}/api/0/projects/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'bench' }),
  });
  const project = await created.json();
  // The per-project limit would answer 429 past 1000/min; a bench measures storage.
  await fetch(`${dev.url}/api/0/projects/${project.id}/`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({ settings: { rateLimitPerMinute: 0 } }),
  });
  const endpoint = `${dev.url}/api/${project.id}/envelope/?sentry_key=${project.publicKey}&sentry_version=7`;
  const stacks = Object.values(STACKS);
  const bodies = Array.from({ length: EVENTS }, (_, i) => {
    const eventId = randomBytes(16).toString('hex');
    const event = browserEvent(eventId, stacks[i % stacks.length]);
    return `{"event_id":"${eventId}"}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
  });

  const latencies = [];
  let next = 0;
  let failed = 0;
  async function sender() {
    while (next < bodies.length) {
      const body = bodies[next++];
      const start = performance.now();
      const response = await fetch(endpoint, { method: 'POST', body });
      await response.arrayBuffer();
      if (!response.ok) failed += 1;
      latencies.push(performance.now() - start);
    }
  }
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, sender));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
  console.log(
    `ingest: ${EVENTS} browser events (${(bodies[0].length / 1024).toFixed(1)} KB) from ${CONCURRENCY} senders ` +
      `→ ${(EVENTS / seconds).toFixed(0)} events/s on local wrangler dev; ` +
      `latency median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms` +
      (failed ? `; ${failed} failed` : ''),
  );
} finally {
  await dev.stop();
  rmSync(work, { recursive: true, force: true });
}
