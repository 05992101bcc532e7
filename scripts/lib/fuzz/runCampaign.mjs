// Sends fuzz cases to a running collector and sums up what came back: a status histogram,
// the slowest answer, and every failure (a 5xx, or no answer in time) with a reproducer.
import { buildCase } from './buildCase.mjs';

/** How `wrangler dev` answers requests in flight when its runtime restarts. */
const DEV_RESTART = 'Your worker restarted mid-request';

/** A shell line that resends the case to the same collector. */
function reproducers(request, { url, seed, caseNumber, projectId, publicKey }) {
  const replay = `npm run fuzz -- --url ${url} --project ${projectId} --key ${publicKey} --seed ${seed} --case ${caseNumber}`;
  const lines = [replay];
  if (request.body && request.body.length <= 4096) {
    const headers = Object.entries(request.headers)
      .map(([name, value]) => ` -H '${name}: ${String(value).replaceAll("'", "'\\''")}'`)
      .join('');
    const body = Buffer.from(request.body).toString('base64');
    lines.push(
      `echo ${body} | base64 -d | curl -sS -X ${request.method} '${url}${request.path}'${headers} --data-binary @-`,
    );
  }
  return lines;
}

/**
 * Sends one case and times its answer; a network error or no answer within
 * `timeoutMs` is reported as status 0 with the error.
 */
export async function sendCase(url, request, timeoutMs) {
  const started = performance.now();
  try {
    const response = await fetch(`${url}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, detail: text.slice(0, 300), ms: performance.now() - started };
  } catch (error) {
    return { status: 0, detail: String(error?.cause ?? error), ms: performance.now() - started };
  }
}

/**
 * Runs cases `first` … `first + count - 1` of `seed`, `concurrency` at a time.
 * @param {{url: string, projectId: string, publicKey: string, seed: number, count: number,
 *   first?: number, concurrency?: number, timeoutMs?: number, onProgress?: (done: number, sofar: object) => void, onFailure?: (failure: object) => void}} options
 */
export async function runCampaign(options) {
  const {
    url,
    projectId,
    publicKey,
    seed,
    count,
    first = 0,
    concurrency = 4,
    timeoutMs = 5000,
  } = options;
  const statuses = {};
  const failures = [];
  let slowest = { ms: 0 };
  let restarts = 0;
  let next = first;
  let done = 0;
  async function worker() {
    while (next < first + count) {
      const caseNumber = next;
      next += 1;
      const request = buildCase(seed, caseNumber, { projectId, publicKey });
      let answer = await sendCase(url, request, timeoutMs);
      if (answer.status === 503 && answer.detail.startsWith(DEV_RESTART)) {
        // wrangler dev's own answer when it restarts the runtime under a burst, not the
        // collector's: resent once, as an SDK resends a 503. A case that itself brings
        // the runtime down does so again, and fails.
        restarts += 1;
        answer = await sendCase(url, request, timeoutMs);
      }
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (answer.ms > slowest.ms)
        slowest = {
          ms: answer.ms,
          caseNumber,
          status: answer.status,
          seed: request.seed,
          mutations: request.mutations,
        };
      if (answer.status === 0 || answer.status >= 500) {
        const failure = {
          caseNumber,
          seed: request.seed,
          mutations: request.mutations,
          status: answer.status,
          detail: answer.detail,
          ms: Math.round(answer.ms),
          reproduce: reproducers(request, { url, seed, caseNumber, projectId, publicKey }),
        };
        failures.push(failure);
        options.onFailure?.(failure);
      }
      done += 1;
      options.onProgress?.(done, { statuses, slowest, failures, restarts });
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { statuses, slowest, failures, restarts };
}

/** The failures as text: one block per case, reproducers included. */
export function formatFailures(failures) {
  return failures
    .map((failure) =>
      [
        `case ${failure.caseNumber} (${failure.seed}; ${failure.mutations.join(' | ')}): ${failure.status === 0 ? 'no answer' : failure.status} after ${failure.ms} ms ${failure.detail}`,
        ...failure.reproduce.map((line) => `  ${line}`),
      ].join('\n'),
    )
    .join('\n');
}
