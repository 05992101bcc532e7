// D1 work of the queue consumer with several databases: a batch of 100 events from two
// projects stored with both projects on `DB` (the baseline) and with the second on `DB_2`;
// routing reads on a cold isolate and a warm one. Counted with a stand-in D1 that records
// what the real consumer sends (statements in `batch()` calls, single queries).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTypeScript } from './lib/importTypeScript.mjs';

const work = mkdtempSync(join(tmpdir(), 'faultline-bench-'));

/** A fresh bundle per scenario: the isolate caches (routes, alert rules) start cold. */
async function loadConsumer(name) {
  return importTypeScript(
    work,
    name,
    `export { consumeIngestBatch } from './src/consumer/consumeIngestBatch';
    export { normalizeEvent } from './src/ingest/normalizeEvent';
    export { DEFAULT_PROJECT_SETTINGS } from './src/projects/ProjectSettings';
    export { browserEvent } from './test/fixtures/events/browserEvent';`,
  );
}

/** A stand-in D1 counting queries and batches; `routes` answers the routing table. */
function countingDb(routes = new Map()) {
  const counts = { queries: 0, routingReads: 0, batches: 0, statements: 0 };
  const statement = (sql) => ({
    args: [],
    bind(...args) {
      this.args = args;
      return this;
    },
    async first() {
      counts.queries += 1;
      if (!sql.includes('project_databases')) return null;
      counts.routingReads += 1;
      const binding = routes.get(this.args[0]);
      return binding ? { binding } : null;
    },
    async all() {
      counts.queries += 1;
      return { results: [] };
    },
    async run() {
      counts.queries += 1;
      return { results: [], meta: { changes: 0 } };
    },
  });
  return {
    counts,
    db: {
      prepare: statement,
      batch: async (list) => {
        counts.batches += 1;
        counts.statements += list.length;
        return list.map(() => ({ results: [], meta: { changes: 1 } }));
      },
    },
  };
}

function batchOf(p, size, round) {
  const receivedAt = Date.now();
  return {
    messages: Array.from({ length: size }, (_, i) => {
      const id = `${round}${(i + 1).toString(16)}`.padStart(32, 'b');
      const projectId = (i % 2) + 1;
      const event = p.normalizeEvent(p.browserEvent(id), receivedAt);
      const sender = { projectId, receivedAt, settings: p.DEFAULT_PROJECT_SETTINGS, salt: 's' };
      return {
        id,
        attempts: 1,
        body: { key: id, sender, item: { kind: 'event', category: 'error', event }, outcomes: [] },
        retry() {},
        ack() {},
      };
    }),
    retryAll() {},
  };
}

async function scenario(name, twoDatabases) {
  const p = await loadConsumer(name);
  const first = countingDb(new Map(twoDatabases ? [[2, 'DB_2']] : []));
  const second = countingDb();
  const env = twoDatabases ? { DB: first.db, DB_2: second.db } : { DB: first.db };
  const rounds = [];
  for (const round of ['cold', 'warm']) {
    const before = [{ ...first.counts }, { ...second.counts }];
    const pending = [];
    await p.consumeIngestBatch(batchOf(p, 100, rounds.length), env, {
      waitUntil: (promise) => pending.push(promise),
    });
    await Promise.allSettled(pending);
    const delta = (now, then) =>
      Object.fromEntries(Object.keys(now).map((key) => [key, now[key] - then[key]]));
    rounds.push([round, delta(first.counts, before[0]), delta(second.counts, before[1])]);
  }
  return rounds;
}

console.log('Queue consumer, a batch of 100 events from 2 projects (a stand-in D1 counts):');
for (const [label, two] of [
  ['both projects on DB (baseline)', false],
  ['project 2 on DB_2', true],
]) {
  for (const [round, db, db2] of await scenario(two ? 'two' : 'one', two)) {
    const dbs = two
      ? [
          ['DB', db],
          ['DB_2', db2],
        ]
      : [['DB', db]];
    const parts = dbs.map(
      ([binding, c]) =>
        `${binding}: ${c.batches} batch() (${c.statements} statements), ${c.queries} queries (${c.routingReads} routing)`,
    );
    console.log(`  ${label}, ${round} isolate: ${parts.join('; ')}`);
  }
}
rmSync(work, { recursive: true, force: true });
