// JSON value mutations: type swaps, huge and deep values, non-finite numbers, odd unicode
// and keys, aimed anywhere in a payload or at the protocol fields the collector reads.

/** Stands for a bare `NaN` / `Infinity` token, written into the JSON text after stringify. */
export const NON_FINITE_MARKERS = ['__fuzz_NaN__', '__fuzz_Infinity__', '__fuzz_-Infinity__'];

const ODD_STRINGS = [
  '',
  ' ',
  '{{auto}}',
  '%s %s %d',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u2066rtl',
  '\u2028\u2029',
  '🙂'.repeat(50),
  'e\u0301'.repeat(100),
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  'null',
  '[object Object]',
  '__proto__',
  'http://',
  'chrome-extension://abc/x.js',
  'at foo (http://x:1:1)\n'.repeat(50),
];
const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  'values',
  'frames',
  '_meta',
  'length',
  '0',
  'type',
  '🙂',
  'a.b',
  'x'.repeat(300),
];

/** Paths into an event that later stages read: where a wrong type hurts most. */
const PROTOCOL_PATHS = [
  ['exception', 'values', 0, 'stacktrace', 'frames', 0, 'filename'],
  ['exception', 'values', 0, 'stacktrace', 'frames', 0, 'function'],
  ['exception', 'values', 0, 'stacktrace', 'frames', 0, 'abs_path'],
  ['exception', 'values', 0, 'stacktrace', 'frames', 0, 'module'],
  ['exception', 'values', 0, 'stacktrace', 'frames', 0, 'lineno'],
  ['exception', 'values', 0, 'stacktrace', 'frames', 0, 'in_app'],
  ['exception', 'values', 0, 'stacktrace', 'frames', 0, 'vars'],
  ['exception', 'values', 0, 'stacktrace', 'frames', 0, 'context_line'],
  ['exception', 'values', 0, 'stacktrace', 'frames'],
  ['exception', 'values', 0, 'stacktrace'],
  ['exception', 'values', 0, 'raw_stack'],
  ['exception', 'values', 0, 'type'],
  ['exception', 'values', 0, 'value'],
  ['exception', 'values', 0, 'mechanism'],
  ['exception', 'values', 0, 'mechanism', 'handled'],
  ['exception', 'values'],
  ['exception'],
  ['threads'],
  ['stacktrace'],
  ['message'],
  ['logentry'],
  ['logentry', 'params'],
  ['logentry', 'message'],
  ['level'],
  ['platform'],
  ['timestamp'],
  ['start_timestamp'],
  ['event_id'],
  ['release'],
  ['environment'],
  ['fingerprint'],
  ['fingerprint', 0],
  ['transaction'],
  ['culprit'],
  ['server_name'],
  ['tags'],
  ['tags', 'browser'],
  ['user'],
  ['user', 'id'],
  ['user', 'ip_address'],
  ['user', 'geo'],
  ['request'],
  ['request', 'url'],
  ['request', 'headers'],
  ['request', 'headers', 'User-Agent'],
  ['request', 'env'],
  ['contexts'],
  ['contexts', 'trace'],
  ['contexts', 'trace', 'op'],
  ['contexts', 'browser', 'name'],
  ['contexts', 'os'],
  ['breadcrumbs'],
  ['breadcrumbs', 'values', 0],
  ['breadcrumbs', 'values', 0, 'timestamp'],
  ['extra'],
  ['sdk'],
  ['spans'],
  ['spans', 0, 'op'],
  ['measurements'],
  ['measurements', 'lcp', 'value'],
  ['modules'],
  ['_meta'],
  ['csp-report'],
  ['csp-report', 'effective-directive'],
  ['csp-report', 'blocked-uri'],
  [0, 'body'],
  [0, 'body', 'effectiveDirective'],
];

function nested(random, depth) {
  let value = random.chance(0.5) ? [] : {};
  for (let level = 0; level < depth; level += 1)
    value = random.chance(0.5) ? [value] : { a: value };
  return value;
}

/** A value of any JSON kind, often an unexpected one. */
export function oddValue(random) {
  switch (random.int(12)) {
    case 0:
      return random.pick([null, true, false]);
    case 1:
      return random.pick([0, -1, 1.5, -0, 1e21, 2 ** 53 + 1, 1e308, -1e308, 4294967296]);
    case 2:
      return random.pick(NON_FINITE_MARKERS);
    case 3:
    case 4:
      return random.pick(ODD_STRINGS);
    case 5:
      return 'x'.repeat(
        random.pick([300, 5000, 70_000, random.chance(0.05) ? 1_100_000 : 200_000]),
      );
    case 6:
      return nested(random, random.pick([10, 100, 127, 130, 600]));
    case 7:
      return Array.from({ length: random.pick([3, 1000, 20_000]) }, () =>
        random.pick([1, 'a', null, {}]),
      );
    case 8:
      return Object.fromEntries(
        Array.from({ length: random.pick([5, 3000]) }, (_, i) => [`k${i}`, i]),
      );
    case 9:
      return [random.pick(ODD_STRINGS), random.int(100), null, { a: random.pick(ODD_STRINGS) }];
    case 10:
      return { [random.pick(ODD_KEYS)]: random.pick([1, 'x', null, [], {}]) };
    default:
      return random.pick([[], {}, '', 'x', 42]);
  }
}

/** Up to `limit` [container, key] slots of a JSON tree, breadth first. */
function slots(root, limit = 2000) {
  const found = [];
  const queue = [root];
  while (queue.length > 0 && found.length < limit) {
    const node = queue.shift();
    if (node === null || typeof node !== 'object') continue;
    for (const key of Object.keys(node)) {
      found.push([node, Array.isArray(node) ? Number(key) : key]);
      queue.push(node[key]);
    }
  }
  return found;
}

/** Sets `value` at `path`, making the containers on the way. */
function setAt(root, path, value) {
  let node = root;
  for (const [index, key] of path.slice(0, -1).entries()) {
    if (node[key] === null || typeof node[key] !== 'object') {
      node[key] = typeof path[index + 1] === 'number' ? [] : {};
    }
    node = node[key];
  }
  node[path.at(-1)] = value;
}

/**
 * Mutates a JSON payload in place (its root is kept, so the caller's reference stays
 * good) and names what it did.
 */
export function mutateJson(random, root) {
  if (root === null || typeof root !== 'object') return 'json: root not a container';
  if (random.chance(0.4)) {
    const path = random.pick(PROTOCOL_PATHS);
    const value = oddValue(random);
    setAt(root, path, value);
    return `json: ${path.join('.')} = ${describe(value)}`;
  }
  const all = slots(root);
  if (all.length === 0) return 'json: empty';
  const [container, key] = random.pick(all);
  switch (random.int(4)) {
    case 0:
      if (Array.isArray(container)) container.splice(key, 1);
      else delete container[key];
      return `json: delete ${key}`;
    case 1: {
      if (Array.isArray(container)) return 'json: rename skipped';
      const name = random.pick(ODD_KEYS);
      Object.defineProperty(container, name, {
        value: container[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (name !== key) delete container[key];
      return `json: rename ${key} -> ${name}`;
    }
    default: {
      const value = oddValue(random);
      container[key] = value;
      return `json: ${key} = ${describe(value)}`;
    }
  }
}

function describe(value) {
  if (typeof value === 'string' && value.length > 40)
    return `"${value.slice(0, 40)}…(${value.length})`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…(${text.length})` : text;
}

/** JSON text with the non-finite markers written as Python's bare tokens. */
export function stringifyWithNonFinite(value) {
  let text = JSON.stringify(value);
  for (const marker of NON_FINITE_MARKERS) {
    text = text.replaceAll(`"${marker}"`, marker.slice(7, -2));
  }
  return text;
}
