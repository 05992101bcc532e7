import { inflateSync } from 'node:zlib';
import { ClientError } from '../http/ClientError';
import { MAX_EVENT_BYTES } from './envelopeItems';
import { parseLenientJson } from './parseLenientJson';

const OPEN_BRACE = 0x7b;

function firstNonSpace(body: Uint8Array): number | undefined {
  return body.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * A `/store/` body: JSON, or what raven-python and other old clients send,
 * base64 of zlib-deflated JSON (told apart by the first byte, as Relay does).
 */
export function decodeStoreBody(body: Uint8Array): unknown {
  if (firstNonSpace(body) === OPEN_BRACE) return parseLenientJson(body, 'event');
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(fromBase64(new TextDecoder().decode(body)), {
      maxOutputLength: MAX_EVENT_BYTES,
    });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ClientError(413, `event inflates to more than ${MAX_EVENT_BYTES} bytes`);
    }
    throw new ClientError(400, 'body is neither JSON nor base64 of zlib-compressed JSON');
  }
  return parseLenientJson(inflated, 'event');
}
