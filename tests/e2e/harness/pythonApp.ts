import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, repoRoot } from '../../../scripts/lib/localCollector.mjs';

/** Debian's interpreter, which has python3-sentry-sdk, Django, FastAPI and uvicorn. */
export const SYSTEM_PYTHON = process.env.SYSTEM_PYTHON ?? '/usr/bin/python3';

export interface PythonApp {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts one of the example apps under `examples/` with Debian's Python, on a
 * free loopback port (`{port}` in `args` is replaced), and resolves once
 * `healthPath` answers.
 */
export async function startPythonApp(options: {
  example: string;
  args: string[];
  env: Record<string, string>;
  healthPath: string;
}): Promise<PythonApp> {
  const port = await freePort();
  const child = spawn(
    SYSTEM_PYTHON,
    options.args.map((arg) => arg.replace('{port}', String(port))),
    {
      cwd: join(repoRoot, 'examples', options.example),
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${options.example} exited:\n${output}`);
    try {
      if ((await fetch(`${url}${options.healthPath}`)).ok) {
        return { url, output: () => output, stop: () => stopChild(child) };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopChild(child);
  throw new Error(`${options.example} did not answer within 30 s:\n${output}`);
}
