import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { applyMigrations, startWranglerDev } from '../../../scripts/lib/localCollector.mjs';

export interface Project {
  id: string;
  name: string;
  publicKey: string;
  dsn: string;
  allowedOrigins: string[];
}

export interface Collector {
  url: string;
  adminToken: string;
  /** GET (or another method) on the admin/read API with the bearer token; parsed JSON. */
  api<T = unknown>(path: string, init?: RequestInit): Promise<T>;
  createProject(name: string, allowedOrigins?: string[]): Promise<Project>;
  /** What wrangler dev printed so far (private collectors only). */
  output(): string;
  stop(): Promise<void>;
}

export interface CollectorOptions {
  /** Extra Worker variables, e.g. `{ FAULTLINE_MODE: 'production' }`. */
  vars?: Record<string, string>;
  /** wrangler's log level (`warn` by default; `info` logs simulated e-mails). */
  logLevel?: 'info' | 'warn';
  /** Another wrangler config than the repo's (e.g. one with a second D1 binding). */
  config?: string;
}

function clientFor(
  url: string,
  adminToken: string,
  stop: () => Promise<void>,
  output: () => string = () => '',
): Collector {
  async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${adminToken}`);
    if (init.body) headers.set('Content-Type', 'application/json');
    const response = await fetch(`${url}${path}`, { ...init, headers });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
  return {
    url,
    adminToken,
    api,
    createProject: (name, allowedOrigins = []) =>
      api<Project>('/api/0/projects/', {
        method: 'POST',
        body: JSON.stringify({ name, allowedOrigins }),
      }),
    output,
    stop,
  };
}

/**
 * Starts a private collector: `wrangler dev` on a free loopback port with a
 * fresh local D1 (migrations applied to each of its databases) and a random admin token.
 */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  const persistTo = mkdtempSync(join(tmpdir(), 'faultline-d1-'));
  applyMigrations({ persistTo, config: options.config });
  const adminToken = randomBytes(16).toString('hex');
  const dev = await startWranglerDev({
    persistTo,
    config: options.config,
    vars: { FAULTLINE_ADMIN_TOKEN: adminToken, FAULTLINE_MODE: 'local', ...options.vars },
    logLevel: options.logLevel,
  });
  const stop = async () => {
    await dev.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
  return clientFor(dev.url, adminToken, stop, dev.output);
}

/** The collector shared by all end-to-end test files (started by globalSetup). */
export function sharedCollector(): Collector {
  const { url, adminToken } = inject('collector');
  return clientFor(url, adminToken, async () => {});
}

/** Polls `read` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T | undefined>,
  { timeoutMs = 30_000, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await read();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError}` : ''}`);
}
