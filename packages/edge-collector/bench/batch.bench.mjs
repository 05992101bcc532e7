// D1 work per stored event when the queue consumer stores a batch, at batch sizes 1, 10
// and 100, for events of one issue and of many: statements sent (inside `batch()` calls
// or alone) and queries (round trips to D1), counted by wrapping a real local D1 (the one
// `wrangler dev` uses, migrated by wrangler) around the real store code. Beside each
// figure, the same measured for the store before batched issue upserts (the collector's
// src/ at BASELINE_COMMIT, taken from git) in the same run.
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { applyMigrations, repoRoot } from '../../../scripts/lib/localCollector.mjs';
import { importTypeScript } from './lib/importTypeScript.mjs';

/** The last commit whose store wrote one issue upsert per event. */
const BASELINE_COMMIT = '2137e28';
const SIZES = [1, 10, 100];

const work = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
const REEXPORTS = `export { processMessage } from './src/consumer/processMessage';
  export { storeIngestBatch } from './src/store/ingestBatch';
  export { normalizeEvent } from './src/ingest/normalizeEvent';
  export { DEFAULT_PROJECT_SETTINGS } from './src/projects/ProjectSettings';
  export { browserEvent } from './test/fixtures/events/browserEvent';
  export { STACKS } from './test/fixtures/stacks';`;
const current = await importTypeScript(work, 'batch', REEXPORTS);

/** The baseline's package folder from git, or null outside a clone that has it. */
function baselineRoot() {
  const root = join(work, 'baseline');
  mkdirSync(root);
  try {
    execSync(
      `git archive ${BASELINE_COMMIT} packages/edge-collector/src packages/edge-collector/test/fixtures | tar -x -C "${root}"`,
      { cwd: repoRoot, stdio: 'ignore' },
    );
    return join(root, 'packages/edge-collector');
  } catch {
    return null;
  }
}
const root = baselineRoot();
const baseline = root && (await importTypeScript(work, 'baseline', REEXPORTS, root));

const persistTo = join(work, 'd1');
applyMigrations({ persistTo });
const proxy = await getPlatformProxy({
  configPath: join(repoRoot, 'wrangler.toml'),
  persist: { path: join(persistTo, 'v3') },
});
const realDb = proxy.env.DB;

/** The real D1, counting statements and round trips. */
function countingDb(counts) {
  const wrap = (statement) =>
    new Proxy(statement, {
      get(target, property) {
        if (property === '__target') return target;
        if (property === 'bind') return (...values) => wrap(target.bind(...values));
        if (['first', 'all', 'run', 'raw'].includes(property)) {
          return (...args) => {
            counts.queries += 1;
            counts.statements += 1;
            return target[property](...args);
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const unwrap = (statement) => statement.__target ?? statement;
  return {
    prepare: (sql) => wrap(realDb.prepare(sql)),
    batch: (statements) => {
      counts.queries += 1;
      counts.statements += statements.length;
      return realDb.batch(statements.map(unwrap));
    },
  };
}

/** A project with a webhook and the default rule (new issue, regression). */
async function newProject() {
  const now = Date.now();
  const project = await realDb
    .prepare(`INSERT INTO projects (name, created_at) VALUES ('bench', ?) RETURNING id`)
    .bind(now)
    .first();
  await realDb
    .prepare(
      `INSERT INTO webhooks (project_id, name, url, format, secret, dashboard_origin, created_at)
       VALUES (?1, 'bench', 'http://127.0.0.1:9/', 'json', 's', 'http://127.0.0.1', ?2)`,
    )
    .bind(project.id, now)
    .run();
  const rule = await realDb
    .prepare(
      `INSERT INTO alert_rules (project_id, name, triggers, created_at, updated_at)
       VALUES (?1, 'New issues and regressions', '[{"type":"new_issue"},{"type":"regression"}]', ?2, ?2)
       RETURNING id`,
    )
    .bind(project.id, now)
    .first();
  return { projectId: project.id, ruleId: rule.id };
}

async function figures(code, size, distinctIssues) {
  const { projectId, ruleId } = await newProject();
  const rule = {
    id: ruleId,
    projectId,
    name: 'New issues and regressions',
    enabled: true,
    triggers: [{ type: 'new_issue' }, { type: 'regression' }],
    filters: {},
    throttleMs: 1_800_000,
    webhookIds: null,
  };
  const alertSetup = async () => ({ hasWebhooks: true, rules: [rule] });
  const stacks = Object.values(code.STACKS);
  const receivedAt = Date.now();
  const messages = await Promise.all(
    Array.from({ length: size }, () => {
      const id = randomBytes(16).toString('hex');
      const raw = code.browserEvent(id, stacks[0], {
        fingerprint: [distinctIssues ? `issue-${id}` : 'one-issue'],
      });
      const event = code.normalizeEvent(raw, receivedAt);
      const sender = { projectId, receivedAt, settings: code.DEFAULT_PROJECT_SETTINGS, salt: 's' };
      return code.processMessage(
        { key: id, sender, item: { kind: 'event', category: 'error', event }, outcomes: [] },
        alertSetup,
      );
    }),
  );
  const counts = { statements: 0, queries: 0 };
  await code.storeIngestBatch(countingDb(counts), messages);
  const { stored } = await realDb
    .prepare('SELECT count(*) AS stored FROM events WHERE project_id = ?')
    .bind(projectId)
    .first();
  if (stored !== size) throw new Error(`stored ${stored} of ${size} events`);
  return counts;
}

const perEvent = (counts, size) =>
  `${(counts.statements / size).toFixed(2).padStart(6)} statements, ${(counts.queries / size).toFixed(2).padStart(5)} queries`;

try {
  console.log(
    'D1 per stored event, queue consumer, real local D1 (a webhook and the default rule); ' +
      `before = the store at ${BASELINE_COMMIT}, one issue upsert per event:`,
  );
  if (!baseline) console.log(`  (${BASELINE_COMMIT} is not in this clone: no before figures)`);
  for (const distinct of [false, true]) {
    for (const size of SIZES) {
      const now = await figures(current, size, distinct);
      const before = baseline && (await figures(baseline, size, distinct));
      console.log(
        `  batch of ${String(size).padStart(3)}, ${distinct ? 'distinct issues' : 'one issue      '}: ` +
          `${perEvent(now, size)}${before ? `  (before: ${perEvent(before, size)})` : ''}`,
      );
    }
  }
} finally {
  await proxy.dispose();
  rmSync(work, { recursive: true, force: true });
}
