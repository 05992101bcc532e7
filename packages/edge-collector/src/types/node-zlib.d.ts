// The part of `node:zlib` the collector uses, available in workerd with
// `nodejs_compat`. Declared here rather than pulling @types/node into the
// Worker's types, where its globals would clash with workers-types.
declare module 'node:zlib' {
  interface InflateOptions {
    /** Stop with a RangeError once the output would exceed this many bytes. */
    maxOutputLength?: number;
  }
  export function gunzipSync(data: Uint8Array, options?: InflateOptions): Uint8Array;
  export function inflateSync(data: Uint8Array, options?: InflateOptions): Uint8Array;
  export function inflateRawSync(data: Uint8Array, options?: InflateOptions): Uint8Array;
  export function brotliDecompressSync(data: Uint8Array, options?: InflateOptions): Uint8Array;
  export function gzipSync(data: Uint8Array | string): Uint8Array;
  export function deflateSync(data: Uint8Array | string): Uint8Array;
  export function deflateRawSync(data: Uint8Array | string): Uint8Array;
  export function brotliCompressSync(data: Uint8Array | string): Uint8Array;
}
