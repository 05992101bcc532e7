import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ClientError } from '../src/http/ClientError';
import { decodeBody } from '../src/ingest/decodeBody';
import { parseLenientJson } from '../src/ingest/parseLenientJson';

const text = '{"event_id":"0123456789abcdef0123456789abcdef"}';
const bytes = new TextEncoder().encode(text);
const decoded = (body: Uint8Array, encoding: string | null, max?: number) =>
  new TextDecoder().decode(decodeBody(body, encoding, max));

function statusOf(run: () => unknown): number | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ClientError) return error.status;
    throw error;
  }
  return undefined;
}

describe('decodeBody', () => {
  it('inflates gzip, zlib-wrapped and raw deflate, and brotli', () => {
    expect(decoded(gzipSync(bytes), 'gzip')).toBe(text);
    expect(decoded(gzipSync(bytes), 'x-gzip')).toBe(text);
    expect(decoded(deflateSync(bytes), 'deflate')).toBe(text);
    expect(decoded(deflateRawSync(bytes), 'deflate')).toBe(text);
    expect(decoded(brotliCompressSync(bytes), 'br')).toBe(text);
    expect(decoded(bytes, null)).toBe(text);
    expect(decoded(bytes, 'identity')).toBe(text);
  });

  it('undoes several codings, the last applied first', () => {
    expect(decoded(brotliCompressSync(gzipSync(bytes)), 'gzip, br')).toBe(text);
  });

  it('stops a decompression bomb at the limit with a 413', () => {
    const bomb = gzipSync(new Uint8Array(50 * 1024 * 1024)); // 50 MiB of zeros in ~50 KB
    expect(bomb.length).toBeLessThan(100_000);
    expect(statusOf(() => decodeBody(bomb, 'gzip'))).toBe(413);
    expect(statusOf(() => decodeBody(brotliCompressSync(new Uint8Array(2000)), 'br', 1000))).toBe(
      413,
    );
  });

  it('answers corrupt data with a 400 and unknown codings with a 415', () => {
    expect(statusOf(() => decodeBody(bytes, 'gzip'))).toBe(400);
    expect(statusOf(() => decodeBody(gzipSync(bytes).subarray(0, 20), 'gzip'))).toBe(400);
    expect(statusOf(() => decodeBody(bytes, 'br'))).toBe(400);
    expect(statusOf(() => decodeBody(bytes, 'zstd'))).toBe(415);
    expect(statusOf(() => decodeBody(bytes, 'compress'))).toBe(415);
  });

  it('refuses a plain body over the limit', () => {
    expect(statusOf(() => decodeBody(bytes, null, 10))).toBe(413);
  });
});

describe('parseLenientJson', () => {
  it("accepts Python's bare NaN and Infinity, as strings, and leaves strings alone", () => {
    const parsed = parseLenientJson(
      '{"a": NaN, "b": [Infinity, -Infinity, 1.5], "c": "NaN and -Infinity", "d": "say \\"NaN\\""}',
      'event',
    );
    expect(parsed).toEqual({
      a: 'NaN',
      b: ['Infinity', '-Infinity', 1.5],
      c: 'NaN and -Infinity',
      d: 'say "NaN"',
    });
  });

  it('still refuses what is not JSON', () => {
    expect(() => parseLenientJson('{"a": nan}', 'event')).toThrow('event is not valid JSON');
    expect(() => parseLenientJson('{"a": 1', 'event')).toThrow(ClientError);
  });
});
