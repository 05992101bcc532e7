// Mutations of the request around the payload: its bytes, its headers (type, encoding,
// auth, origin) and the endpoint it goes to.
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';

/** Flips, inserts, deletes or truncates bytes of the body. */
export function mutateBytes(random, body) {
  const at = body.length > 0 ? random.int(body.length) : 0;
  const join = (...parts) => {
    const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    return joined;
  };
  const insert = (bytes) => join(body.subarray(0, at), Uint8Array.from(bytes), body.subarray(at));
  switch (random.int(9)) {
    case 0: {
      const copy = body.slice();
      if (copy.length > 0) copy[at] ^= 1 << random.int(8);
      return [copy, `bytes: flip a bit at ${at}`];
    }
    case 1:
      return [
        insert([random.int(256), random.int(256), random.int(256)]),
        `bytes: insert at ${at}`,
      ];
    case 2:
      return [
        join(body.subarray(0, at), body.subarray(at + 1 + random.int(64))),
        `bytes: delete at ${at}`,
      ];
    case 3:
      return [body.subarray(0, at), `bytes: truncate at ${at}`];
    case 4:
      return [insert([0x0a]), `bytes: newline at ${at}`];
    case 5:
      return [
        insert(random.pick([[0xff, 0xfe], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0x00]])),
        `bytes: invalid UTF-8 at ${at}`,
      ];
    case 6:
      return [insert(body.subarray(at, at + random.int(200))), `bytes: duplicate a slice at ${at}`];
    case 7:
      return [
        Uint8Array.from({ length: random.pick([0, 1, 100, 5000]) }, () => random.int(256)),
        'bytes: random body',
      ];
    default:
      return [
        insert(Array.from({ length: 1 + random.int(16) }, () => random.int(256))),
        `bytes: noise at ${at}`,
      ];
  }
}

const COMPRESSORS = {
  gzip: gzipSync,
  'x-gzip': gzipSync,
  deflate: deflateSync,
  'deflate (raw)': deflateRawSync,
  br: brotliCompressSync,
};

/** Content-Encoding: honest, lying, chained, unknown or cut short. */
export function mutateEncoding(random, request) {
  const name = random.pick([
    ...Object.keys(COMPRESSORS),
    'lie',
    'chain',
    'unknown',
    'truncated',
    'identity',
  ]);
  if (name in COMPRESSORS) {
    request.body = COMPRESSORS[name](request.body);
    request.headers['Content-Encoding'] = name.split(' ')[0];
  } else if (name === 'lie') {
    request.headers['Content-Encoding'] = random.pick(['gzip', 'br', 'deflate']);
  } else if (name === 'chain') {
    request.body = brotliCompressSync(gzipSync(request.body));
    request.headers['Content-Encoding'] = random.pick(['gzip, br', 'br, gzip', 'gzip,br,gzip']);
  } else if (name === 'truncated') {
    const compressed = gzipSync(request.body);
    request.body = compressed.subarray(0, random.int(compressed.length));
    request.headers['Content-Encoding'] = 'gzip';
  } else if (name === 'unknown') {
    request.headers['Content-Encoding'] = random.pick([
      'zstd',
      'compress',
      'gzip;q=1',
      ',',
      'x'.repeat(300),
    ]);
  } else request.headers['Content-Encoding'] = 'identity';
  return `headers: Content-Encoding ${name}`;
}

const CONTENT_TYPES = [
  null,
  'application/json',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-sentry-envelope',
  'application/octet-stream',
  'application/csp-report',
  'application/reports+json',
  'multipart/form-data; boundary=x',
  'text/plain; charset=utf-16',
  'image/png',
  ';;;',
  'APPLICATION/JSON',
  'application/json; charset="x',
];

/** Content type, authentication, origin and user agent headers. */
export function mutateHeaders(random, request, { publicKey }) {
  const otherKey = 'e'.repeat(32);
  switch (random.int(6)) {
    case 0: {
      const type = random.pick(CONTENT_TYPES);
      if (type === null) delete request.headers['Content-Type'];
      else request.headers['Content-Type'] = type;
      return `headers: Content-Type ${type}`;
    }
    case 1:
      return mutateEncoding(random, request);
    case 2: {
      const auth = random.pick([
        `Sentry sentry_key=${publicKey}, sentry_version=7`,
        `Sentry sentry_key=${otherKey}, sentry_version=7`,
        'Sentry sentry_version=7',
        'Sentry ',
        'Sentry sentry_key=, sentry_key=x',
        `Sentry sentry_key=${'k'.repeat(5000)}`,
        'Bearer abc',
        `sentry_key=${publicKey}`,
      ]);
      request.headers[random.pick(['X-Sentry-Auth', 'Authorization'])] = auth;
      return `headers: auth ${auth.slice(0, 50)}`;
    }
    case 3:
      request.query = request.query.filter(([name]) => name !== 'sentry_key');
      return 'headers: no sentry_key in the query';
    case 4: {
      const origin = random.pick([
        'null',
        'https://evil.test',
        'not a url',
        'file://',
        'http://[::1]',
      ]);
      request.headers[random.pick(['Origin', 'Referer'])] = origin;
      return `headers: origin ${origin}`;
    }
    default: {
      const agent = random.pick([
        '',
        'Googlebot/2.1',
        'x'.repeat(8000),
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
      ]);
      request.headers['User-Agent'] = agent;
      return `headers: User-Agent ${agent.slice(0, 30)}`;
    }
  }
}

/** Another endpoint, project id, method or query for the same body. */
export function mutateEndpoint(random, request) {
  switch (random.int(4)) {
    case 0:
      request.endpoint = random.pick([
        'envelope',
        'store',
        'security',
        'minidump',
        'unreal',
        'otlp/v1/traces',
        'nope',
      ]);
      return `endpoint: ${request.endpoint}`;
    case 1:
      request.projectId = random.pick([
        '0',
        '-1',
        'abc',
        '99999999999999999999',
        '1.5',
        '%00',
        '',
        `${request.projectId}0`,
      ]);
      return `endpoint: project ${request.projectId}`;
    case 2:
      request.method = random.pick(['GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD']);
      return `endpoint: method ${request.method}`;
    default: {
      const extra = random.pick([
        ['sentry_version', 'abc'],
        ['sentry_key', 'e'.repeat(32)],
        ['%zz', '1'],
        ['sentry_key', ''],
      ]);
      request.query.push(extra);
      return `endpoint: query ${extra.join('=')}`;
    }
  }
}
