// Scale through `wrangler dev` (workerd, local D1, local Queue): 10,000 browser events of
// one issue sent within a minute, then 10,000 events of distinct issues, each by 50
// concurrent senders. Prints sent, accepted, stored and how long the queue took to drain
// after the last answer, then checks in the D1 that everything was stored once with
// exact counts. It takes minutes: opt in with BENCH_SCALE=1 (BENCH_SCALE_EVENTS to resize).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import {
  applyMigrations,
  repoRoot,
  startWranglerDev,
} from '../../../scripts/lib/localCollector.mjs';
import { importTypeScript } from './lib/importTypeScript.mjs';

if (process.env.BENCH_SCALE !== '1') {
  console.log('scale: skipped (BENCH_SCALE=1 npm run bench runs 2 × 10,000 events, minutes)');
  process.exit(0);
}

const EVENTS = Number(process.env.BENCH_SCALE_EVENTS ?? 10_000);
const CONNECTIONS = 50;
/** Sending paced to finish within this: "within a minute". */
const SEND_WINDOW_MS = 60_000;
const work = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
const { browserEvent, STACKS } = await importTypeScript(
  work,
  'fixtures',
  `export { browserEvent } from './test/fixtures/events/browserEvent';
    export { STACKS } from './test/fixtures/stacks';`,
);
const stack = Object.values(STACKS)[0];

/** `count` envelopes; `issue(i)` is the fingerprint of the i-th, `user(i)` its user. */
function envelopes(count, issue) {
  return Array.from({ length: count }, (_, i) => {
    const eventId = randomBytes(16).toString('hex');
    const event = { ...browserEvent(eventId, stack, { fingerprint: [issue(i)] }) };
    event.user = { id: `user-${i % 100}` };
    return `{"event_id":"${eventId}"}\n{"type":"event"}\n${JSON.stringify(event)}\n`;
  });
}

/** Posts every body with CONNECTIONS senders, paced to spread them over SEND_WINDOW_MS. */
async function send(endpoint, bodies) {
  const start = performance.now();
  let next = 0;
  let accepted = 0;
  async function sender() {
    while (next < bodies.length) {
      const index = next++;
      const due = start + (index / bodies.length) * SEND_WINDOW_MS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // A 503 (queue unavailable) or 429 is resent, as SDKs do.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const response = await fetch(endpoint, { method: 'POST', body: bodies[index] });
        await response.arrayBuffer();
        if (response.status === 200) {
          accepted += 1;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, sender));
  return { accepted, seconds: (performance.now() - start) / 1000 };
}

const persistTo = join(work, 'd1');
applyMigrations({ persistTo });
const token = randomBytes(16).toString('hex');
const collector = await startWranglerDev({
  persistTo,
  vars: { FAULTLINE_ADMIN_TOKEN: token, FAULTLINE_MODE: 'local' },
});
const api = (path, init = {}) =>
  fetch(`${collector.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}` },
  }).then((response) => response.json());

const runs = [];
try {
  for (const [name, issue] of [
    ['one issue', () => 'scale-one-issue'],
    ['distinct issues', (i) => `scale-issue-${i}`],
  ]) {
    const project = await api('/api/0/projects/', {
      method: 'POST',
      body: JSON.stringify({ name }),
    });
    // The per-project limit would answer 429 past 1000/min; this measures storage.
    await api(`/api/0/projects/${project.id}/`, {
      method: 'PUT',
      body: JSON.stringify({ settings: { rateLimitPerMinute: 0 } }),
    });
    const path = `/api/${project.id}/envelope/?sentry_key=${project.publicKey}&sentry_version=7`;
    const sent = await send(`${collector.url}${path}`, envelopes(EVENTS, issue));
    const answered = performance.now();
    let stored = 0;
    while (stored < sent.accepted && performance.now() - answered < 900_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const stats = await api(`/api/0/projects/${project.id}/stats/`);
      stored = stats.totals.accepted ?? 0;
    }
    const drain = (performance.now() - answered) / 1000;
    runs.push({ name, projectId: Number(project.id), sent, stored, drain });
    console.log(
      `scale, ${name}: sent ${EVENTS} in ${sent.seconds.toFixed(1)} s, accepted ${sent.accepted}, ` +
        `stored ${stored} (queue drained ${drain.toFixed(1)} s after the last answer)`,
    );
  }
} finally {
  await collector.stop();
}

// The counts, read from the collector's own local D1 once it has stopped.
const proxy = await getPlatformProxy({
  configPath: join(repoRoot, 'wrangler.toml'),
  persist: { path: join(persistTo, 'v3') },
});
let failed = false;
try {
  for (const run of runs) {
    const row = await proxy.env.DB.prepare(
      `SELECT (SELECT count(*) FROM events WHERE project_id = ?1) AS events,
         (SELECT count(*) FROM issues WHERE project_id = ?1) AS issues,
         (SELECT sum(event_count) FROM issues WHERE project_id = ?1) AS counted,
         (SELECT sum(h.count) FROM issue_hourly_counts h JOIN issues i ON i.id = h.issue_id
           WHERE i.project_id = ?1) AS hourly,
         (SELECT max(user_count) FROM issues WHERE project_id = ?1) AS users`,
    )
      .bind(run.projectId)
      .first();
    const issues = run.name === 'one issue' ? 1 : run.sent.accepted;
    const users = run.name === 'one issue' ? Math.min(100, run.sent.accepted) : 1;
    const exact =
      row.events === run.sent.accepted &&
      row.counted === run.sent.accepted &&
      row.hourly === run.sent.accepted &&
      row.issues === issues &&
      row.users === users;
    if (!exact) failed = true;
    console.log(
      `  ${run.name}: ${row.events} events, ${row.issues} issues, counts ${row.counted}, ` +
        `hourly ${row.hourly}, most users on an issue ${row.users}: ${exact ? 'exact' : 'WRONG'}`,
    );
  }
} finally {
  await proxy.dispose();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
