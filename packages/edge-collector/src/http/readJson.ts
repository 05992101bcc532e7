import { ClientError } from './ClientError';

/** Reads a JSON object body, or throws a 400 that says what is wrong with it. */
export async function readJson(
  request: Request,
  maxBytes = 64 * 1024,
): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.length > maxBytes) throw new ClientError(413, `body is over ${maxBytes} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ClientError(400, 'body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ClientError(400, 'body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
