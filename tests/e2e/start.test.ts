import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, repoRoot } from '../../scripts/lib/localCollector.mjs';
import { waitFor } from './harness/collector';

interface Started {
  npm: ChildProcess;
  stateDir: string;
  port: number;
  output: () => string;
}

const running: Started[] = [];

/** `npm start` as a user runs it, in a process group of its own, like a terminal's job. */
async function npmStart(): Promise<Started> {
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), 'faultline-start-'));
  const npm = spawn('npm', ['start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      FAULTLINE_STATE_DIR: stateDir,
      FAULTLINE_SKIP_BUILD: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  npm.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  npm.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const started = { npm, stateDir, port, output: () => output };
  running.push(started);
  await waitFor(async () => (output.includes('Press Ctrl+C to stop.') ? true : undefined), {
    timeoutMs: 240_000,
    what: `npm start to print its banner (so far: ${output.slice(-400)})`,
  });
  return started;
}

/** Processes whose command line names `text`, read from /proc. */
function processesNaming(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** The node process running scripts/start.mjs under this npm. */
function startScriptPid({ stateDir }: Started): number {
  const script = processesNaming('scripts/start.mjs').find((pid) =>
    readFileSync(`/proc/${pid}/environ`, 'utf8').includes(stateDir),
  );
  if (!script) throw new Error('no start script process found');
  return script;
}

/** A signal to every process of the job, as a terminal sends Ctrl-C or its closing. */
function signalGroup(started: Started, signal: NodeJS.Signals): void {
  if (started.npm.pid === undefined) throw new Error('npm did not start');
  process.kill(-started.npm.pid, signal);
}

async function expectEverythingEnded(started: Started): Promise<void> {
  await waitFor(
    async () =>
      processesNaming(started.stateDir).length === 0 && (await portIsFree(started.port))
        ? true
        : undefined,
    { timeoutMs: 30_000, what: `wrangler and workerd to end and port ${started.port} to be free` },
  );
}

afterEach(() => {
  for (const started of running.splice(0)) {
    // wrangler leads a process group of its own (workerd's command line does not name
    // the state dir), so the group is what is ended.
    for (const pid of processesNaming(started.stateDir)) {
      for (const target of [-pid, pid]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {}
      }
    }
    rmSync(started.stateDir, { recursive: true, force: true });
  }
});

// Each test starts the whole collector (wrangler, workerd, migrations): slow on a busy machine.
describe('npm start', { timeout: 300_000 }, () => {
  it('prints an export line and a curl command that work as pasted', async () => {
    const started = await npmStart();
    const text = started.output();
    const exportLine = text.split('\n').find((line) => line.startsWith('export FAULTLINE_URL='));
    const curlLine = text.split('\n').find((line) => line.startsWith('curl '));
    expect(exportLine).toBeDefined();
    expect(curlLine).toBeDefined();
    const body = execFileSync('bash', ['-c', `${exportLine}\n${curlLine} --fail --silent`], {
      encoding: 'utf8',
    });
    expect(JSON.parse(body)).toEqual([]);
    signalGroup(started, 'SIGINT');
    await expectEverythingEnded(started);
  });

  // Ctrl-C is the test above; these start a collector each, one after the other (side
  // by side, four collectors starting at once overwhelm a two-core machine).
  it.each([
    ['its terminal closing', (started: Started) => signalGroup(started, 'SIGHUP')],
    ['SIGTERM to npm', (started: Started) => started.npm.kill('SIGTERM')],
    [
      'SIGKILL to the start script',
      (started: Started) => process.kill(startScriptPid(started), 'SIGKILL'),
    ],
  ])('ends wrangler and workerd and frees the port on %s', async (_how, end) => {
    const started = await npmStart();
    expect(processesNaming(started.stateDir).length).toBeGreaterThan(0);
    expect(await portIsFree(started.port)).toBe(false);
    end(started);
    await expectEverythingEnded(started);
  });
});
