// `npm start`: the collector on 127.0.0.1 with a local D1, a demo project and its DSN.
// PORT picks the port (8787); FAULTLINE_STATE_DIR keeps the local D1 elsewhere than
// .wrangler/state; FAULTLINE_SKIP_BUILD=1 reuses the assets a previous build made.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyMigrations,
  repoRoot,
  runScheduled,
  startWranglerDev,
} from './lib/localCollector.mjs';

const port = Number(process.env.PORT ?? 8787);
const persistTo = process.env.FAULTLINE_STATE_DIR || undefined;
const devVarsPath = join(repoRoot, '.dev.vars');

function step(text) {
  console.log(`\x1b[2m›\x1b[0m ${text}`);
}

/** Reads .dev.vars, creating it with a random admin token the first time. */
function ensureDevVars() {
  if (!existsSync(devVarsPath)) {
    const token = randomBytes(24).toString('hex');
    writeFileSync(
      devVarsPath,
      `# Local secrets for wrangler dev (git-ignored). Deployed Workers use \`wrangler secret put\`.\nFAULTLINE_ADMIN_TOKEN=${token}\nFAULTLINE_MODE=local\n`,
      { mode: 0o600 },
    );
    step('created .dev.vars with a new FAULTLINE_ADMIN_TOKEN');
  }
  const vars = Object.fromEntries(
    readFileSync(devVarsPath, 'utf8')
      .split('\n')
      .filter((line) => /^\s*[A-Z_]+\s*=/.test(line))
      .map((line) => {
        const index = line.indexOf('=');
        return [
          line.slice(0, index).trim(),
          line
            .slice(index + 1)
            .trim()
            .replace(/^"|"$/g, ''),
        ];
      }),
  );
  if (!vars.FAULTLINE_ADMIN_TOKEN) throw new Error('.dev.vars has no FAULTLINE_ADMIN_TOKEN');
  return vars;
}

async function ensureDemoProject(url, token) {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const response = await fetch(`${url}/api/0/projects/`, { headers });
  if (!response.ok)
    throw new Error(`listing projects failed: ${response.status} ${await response.text()}`);
  const projects = await response.json();
  const existing = projects.find((project) => project.name === 'demo');
  if (existing) return existing;
  const created = await fetch(`${url}/api/0/projects/`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: 'demo', allowedOrigins: [] }),
  });
  if (!created.ok) throw new Error(`creating the demo project failed: ${created.status}`);
  return created.json();
}

/**
 * The first time (no user yet): an admin `admin@localhost` with a random password,
 * written into .dev.vars as a comment so it can be found again. Returns the line to print.
 */
async function ensureFirstUser(url, token) {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const listed = await fetch(`${url}/api/0/users/`, { headers });
  if (!listed.ok) throw new Error(`listing users failed: ${listed.status}`);
  const saved = /^# dashboard sign-in: (\S+) (\S+)$/m.exec(readFileSync(devVarsPath, 'utf8'));
  if ((await listed.json()).length > 0) {
    return saved
      ? `sign in as ${saved[1]}, password ${saved[2]}`
      : 'sign in with your dashboard user';
  }
  const email = 'admin@localhost';
  const password = randomBytes(12).toString('base64url');
  const created = await fetch(`${url}/api/0/users/`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password, role: 'admin' }),
  });
  if (!created.ok) throw new Error(`creating the first user failed: ${created.status}`);
  writeFileSync(
    devVarsPath,
    `${readFileSync(devVarsPath, 'utf8').replace(/^# dashboard sign-in: .*\n/m, '')}# dashboard sign-in: ${email} ${password}\n`,
  );
  step(`created the dashboard user ${email} (its password is also in .dev.vars)`);
  return `sign in as ${email}, password ${password}`;
}

if (process.env.FAULTLINE_SKIP_BUILD !== '1') {
  step('building the SDK and the static assets');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const vars = ensureDevVars();
step('applying D1 migrations to the local database');
applyMigrations({ persistTo });

step(`starting wrangler dev on 127.0.0.1:${port}`);
const collector = await startWranglerDev({ port, persistTo, stdio: 'inherit' });
async function stopAll() {
  await collector.stop();
  process.exit(0);
}
// Ctrl-C, `kill` of this script, the terminal closing (SIGHUP), and npm passing on
// the signal it got all end wrangler and workerd with this script.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stopAll);
// Killing npm alone does not signal this script: when it goes, this script is
// re-parented, so notice that too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stopAll();
}, 500).unref();

const demo = await ensureDemoProject(collector.url, vars.FAULTLINE_ADMIN_TOKEN);
const signIn = await ensureFirstUser(collector.url, vars.FAULTLINE_ADMIN_TOKEN);
const exampleUrl = `${collector.url}/example/?dsn=${encodeURIComponent(demo.dsn)}`;
console.log(`
\x1b[1mFaultline is running\x1b[0m
  Collector      ${collector.url}
  Demo project   ${demo.name} (id ${demo.id})
  DSN            ${demo.dsn}
  Admin token    ${vars.FAULTLINE_ADMIN_TOKEN}
  Dashboard      ${collector.url}/  ${signIn}
  Example page   ${exampleUrl}

Paste into another terminal to use the API (the README's commands use these two variables):
export FAULTLINE_URL=${collector.url} FAULTLINE_ADMIN_TOKEN=${vars.FAULTLINE_ADMIN_TOKEN}
curl -H "Authorization: Bearer $FAULTLINE_ADMIN_TOKEN" "$FAULTLINE_URL/api/0/projects/${demo.id}/issues/"

Press Ctrl+C to stop.
`);

// The deployed Worker's cron runs every minute (alert delivery retries); wrangler dev
// runs none, so do it here, at the start of each minute like the real one.
function driveCron() {
  setTimeout(
    async () => {
      await runScheduled(collector.url).catch((error) => console.error(error.message));
      driveCron();
    },
    60_000 - (Date.now() % 60_000),
  ).unref();
}
driveCron();
collector.child.on('exit', (code) => process.exit(code ?? 0));
