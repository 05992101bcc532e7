// One fuzz case: a seed input and a few mutations, drawn from (seed, case number) alone,
// so any case can be rebuilt and resent from those two numbers.
import { gzipSync } from 'node:zlib';
import { mutateEnvelope, serializeEnvelope } from './envelopeMutations.mjs';
import { mutateJson, stringifyWithNonFinite } from './jsonMutations.mjs';
import { caseRandom } from './random.mjs';
import { mutateBytes, mutateEndpoint, mutateHeaders } from './requestMutations.mjs';
import { SEEDS } from './seeds.mjs';

const encoder = new TextEncoder();
const CATEGORIES = [
  'json',
  'json',
  'json',
  'structure',
  'structure',
  'bytes',
  'headers',
  'headers',
  'endpoint',
];

/** The JSON payloads of a seed that JSON mutations may touch. */
function jsonTargets(seed) {
  if (seed.json !== undefined) return [seed.json];
  return seed.envelope.items
    .map(([, payload]) => payload)
    .filter((p) => p && typeof p === 'object');
}

/**
 * @param {number} seedNumber the campaign seed
 * @param {number} caseNumber
 * @param {{projectId: string, publicKey: string}} target
 * @returns {{seed: string, mutations: string[], method: string, path: string, headers: Record<string,string>, body: Uint8Array | null}}
 */
export function buildCase(seedNumber, caseNumber, target) {
  const random = caseRandom(seedNumber, caseNumber);
  const seed = structuredClone(random.pick(SEEDS));
  const plan = Array.from({ length: 1 + random.int(3) }, () => random.pick(CATEGORIES));
  const mutations = [];
  for (const _ of plan.filter((c) => c === 'json')) {
    const targets = jsonTargets(seed);
    if (targets.length > 0) mutations.push(mutateJson(random, random.pick(targets)));
  }
  if (seed.envelope) {
    for (const _ of plan.filter((c) => c === 'structure')) {
      mutations.push(mutateEnvelope(random, seed.envelope, target));
    }
  }
  const request = {
    method: 'POST',
    endpoint: seed.endpoint,
    projectId: target.projectId,
    query:
      seed.auth === 'query'
        ? [
            ['sentry_key', target.publicKey],
            ['sentry_version', '7'],
          ]
        : [],
    headers: { 'Content-Type': seed.contentType },
    body: seed.envelope
      ? serializeEnvelope(seed.envelope)
      : encoder.encode(stringifyWithNonFinite(seed.json)),
  };
  if (seed.auth === 'header') {
    request.headers['X-Sentry-Auth'] =
      `Sentry sentry_key=${target.publicKey}, sentry_version=7, sentry_client=sentry.python/1.9.10`;
  }
  for (const _ of plan.filter((c) => c === 'bytes')) {
    const [body, name] = mutateBytes(random, request.body);
    request.body = body;
    mutations.push(name);
  }
  const headerPlan = plan.filter((c) => c === 'headers' || c === 'endpoint');
  const encodes = headerPlan.length === 0 && seed.encoding === 'gzip';
  if (encodes) {
    request.body = gzipSync(request.body);
    request.headers['Content-Encoding'] = 'gzip';
  }
  for (const category of headerPlan) {
    mutations.push(
      category === 'headers'
        ? mutateHeaders(random, request, target)
        : mutateEndpoint(random, request),
    );
  }
  const query = request.query.map(([name, value]) => `${name}=${value}`).join('&');
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return {
    seed: seed.name,
    mutations,
    method: request.method,
    path: `/api/${request.projectId}/${request.endpoint}/${query ? `?${query}` : ''}`,
    headers: request.headers,
    body: hasBody ? request.body : null,
  };
}
