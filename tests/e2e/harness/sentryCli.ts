import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/lib/localCollector.mjs';

const binary = join(repoRoot, 'node_modules/.bin/sentry-cli');

export interface CliResult {
  code: number;
  output: string;
}

/**
 * Runs the real sentry-cli (the npm package's Linux binary) against the collector, set up
 * as the README says: SENTRY_URL, SENTRY_AUTH_TOKEN, SENTRY_ORG (any), SENTRY_PROJECT.
 */
export function sentryCli(
  args: string[],
  setup: { url: string; token: string; project: string },
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      binary,
      args,
      {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          SENTRY_URL: setup.url,
          SENTRY_AUTH_TOKEN: setup.token,
          SENTRY_ORG: 'faultline',
          SENTRY_PROJECT: setup.project,
          SENTRY_DISABLE_UPDATE_CHECK: '1',
          SENTRYCLI_SKIP_DOWNLOAD: '1',
        },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}
