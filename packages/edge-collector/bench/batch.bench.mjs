// D1 work per stored event when the queue consumer stores a batch: statements sent and
// `batch()` calls, at batch sizes 1, 10 and 100, for events of one issue and of many,
// counted with a stand-in D1 that records what the real store code sends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTypeScript } from './lib/importTypeScript.mjs';

const work = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
const p = await importTypeScript(
  work,
  'batch',
  `export { processMessage } from './src/consumer/processMessage';
    export { storeIngestBatch } from './src/store/ingestBatch';
    export { normalizeEvent } from './src/ingest/normalizeEvent';
    export { DEFAULT_PROJECT_SETTINGS } from './src/projects/ProjectSettings';
    export { browserEvent } from './test/fixtures/events/browserEvent';
    export { STACKS } from './test/fixtures/stacks';`,
);

function countingDb() {
  const counts = { batches: 0, statements: 0 };
  const db = {
    prepare: () => ({
      bind() {
        return this;
      },
    }),
    batch: async (list) => {
      counts.batches += 1;
      counts.statements += list.length;
      return list.map(() => ({ results: [], meta: { changes: 1 } }));
    },
  };
  return { db, counts };
}

/** A project with a webhook and its default rule (new issue, regression). */
const alertSetup = async () => ({
  hasWebhooks: true,
  rules: [
    {
      id: 1,
      projectId: 1,
      name: 'New issues and regressions',
      enabled: true,
      triggers: [{ type: 'new_issue' }, { type: 'regression' }],
      filters: {},
      throttleMs: 1_800_000,
      webhookIds: null,
    },
  ],
});

async function figures(size, distinctIssues) {
  const stacks = Object.values(p.STACKS);
  const receivedAt = Date.now();
  const messages = await Promise.all(
    Array.from({ length: size }, (_, i) => {
      const id = (i + 1).toString(16).padStart(32, 'a');
      const raw = p.browserEvent(id, stacks[0], {
        fingerprint: [distinctIssues ? `issue-${i}` : 'one-issue'],
      });
      const event = p.normalizeEvent(raw, receivedAt);
      const sender = { projectId: 1, receivedAt, settings: p.DEFAULT_PROJECT_SETTINGS, salt: 's' };
      return p.processMessage(
        { key: id, sender, item: { kind: 'event', category: 'error', event }, outcomes: [] },
        alertSetup,
      );
    }),
  );
  const { db, counts } = countingDb();
  await p.storeIngestBatch(db, messages);
  return counts;
}

console.log('D1 per stored event, queue consumer (a webhook and the default rule):');
for (const distinct of [false, true]) {
  for (const size of [1, 10, 100]) {
    const { batches, statements } = await figures(size, distinct);
    console.log(
      `  batch of ${String(size).padStart(3)}, ${distinct ? 'distinct issues' : 'one issue      '}: ` +
        `${batches} batch() call, ${statements} statements = ${(statements / size).toFixed(2)} per event`,
    );
  }
}
rmSync(work, { recursive: true, force: true });
