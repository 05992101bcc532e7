import { ClientError } from '../http/ClientError';

/** Relay's limit for a whole envelope as sent (compressed). */
export const MAX_ENVELOPE_BYTES = 20 * 1024 * 1024;

/**
 * Reads the request body as bytes, refusing bodies over `maxBytes` with a
 * 413. The body is read as a stream and reading stops at the limit, so a
 * chunked upload without `Content-Length` cannot fill the Worker's memory.
 */
export async function readBody(
  request: Request,
  maxBytes = MAX_ENVELOPE_BYTES,
): Promise<Uint8Array> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > maxBytes) throw new ClientError(413, `body is over ${maxBytes} bytes`);
  if (!request.body) throw new ClientError(400, 'empty body');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ClientError(413, `body is over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  if (size === 0) throw new ClientError(400, 'empty body');
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
