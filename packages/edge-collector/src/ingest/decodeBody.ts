import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { ClientError } from '../http/ClientError';

/**
 * Most bytes a body may inflate to. Relay allows more, but a Worker has 128 MB
 * of memory; events and transactions (1 MiB each) are all we keep anyway.
 */
export const MAX_DECOMPRESSED_BYTES = 20 * 1024 * 1024;

type Inflate = (data: Uint8Array, options: { maxOutputLength: number }) => Uint8Array;

/** A zlib stream starts with a CMF/FLG pair: deflate method 8 and a header checksum. */
function hasZlibHeader(body: Uint8Array): boolean {
  const [cmf = 0, flg = 0] = body;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

function inflaterFor(encoding: string, body: Uint8Array): Inflate | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync;
    // HTTP says deflate means zlib-wrapped, but some clients send raw deflate.
    case 'deflate':
      return hasZlibHeader(body) ? inflateSync : inflateRawSync;
    case 'br':
      return brotliDecompressSync;
    default:
      return undefined;
  }
}

/**
 * Undoes `Content-Encoding` (gzip, deflate zlib-wrapped or raw, br, several in
 * a row), stopping as soon as the output passes `maxBytes` so a small
 * decompression bomb cannot exhaust the Worker's memory. A plain body over
 * `maxBytes` is refused the same way.
 */
export function decodeBody(
  body: Uint8Array,
  contentEncoding: string | null,
  maxBytes = MAX_DECOMPRESSED_BYTES,
): Uint8Array {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter((encoding) => encoding && encoding !== 'identity');
  let decoded = body;
  // Codings are listed in the order they were applied, so undo the last first.
  for (const encoding of encodings.reverse()) {
    const inflate = inflaterFor(encoding, decoded);
    if (!inflate) throw new ClientError(415, `unsupported Content-Encoding: ${encoding}`);
    try {
      decoded = inflate(decoded, { maxOutputLength: maxBytes });
    } catch (error) {
      if (error instanceof RangeError) {
        throw new ClientError(413, `body inflates to more than ${maxBytes} bytes`);
      }
      throw new ClientError(400, `body is not valid ${encoding} data`);
    }
  }
  if (decoded.length === 0) throw new ClientError(400, 'empty body');
  if (decoded.length > maxBytes) throw new ClientError(413, `body is over ${maxBytes} bytes`);
  return decoded;
}
