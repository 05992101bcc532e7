import type { ChildProcess } from 'node:child_process';

export const repoRoot: string;
export const wranglerEnv: NodeJS.ProcessEnv;
export function freePort(): Promise<number>;
export function d1Bindings(config?: string): string[];
export function applyMigrations(options?: { persistTo?: string; config?: string }): void;
export function startWranglerDev(options?: {
  port?: number;
  persistTo?: string;
  vars?: Record<string, string>;
  stdio?: 'inherit' | 'pipe';
  /** Another wrangler.toml than the collector's. */
  config?: string;
  /** wrangler's --log-level (`warn` when piped); `info` logs simulated e-mails. */
  logLevel?: string;
}): Promise<{
  url: string;
  port: number;
  child: ChildProcess;
  stop: () => Promise<void>;
  output: () => string;
}>;
export function runScheduled(url: string): Promise<void>;
