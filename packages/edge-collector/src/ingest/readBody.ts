import { ClientError } from '../http/ClientError';

/** Relay's limit for a whole envelope as sent (compressed). */
export const MAX_ENVELOPE_BYTES = 20 * 1024 * 1024;

/** Reads the request body as bytes, refusing bodies over `maxBytes` with a 413. */
export async function readBody(
  request: Request,
  maxBytes = MAX_ENVELOPE_BYTES,
): Promise<Uint8Array> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > maxBytes) throw new ClientError(413, `body is over ${maxBytes} bytes`);
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.length > maxBytes) throw new ClientError(413, `body is over ${maxBytes} bytes`);
  if (body.length === 0) throw new ClientError(400, 'empty body');
  return body;
}
