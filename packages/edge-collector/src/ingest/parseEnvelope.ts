import { ClientError } from '../http/ClientError';

export interface EnvelopeItem {
  header: Record<string, unknown> & { type: string; length?: number };
  payload: Uint8Array;
}

export interface Envelope {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
}

/**
 * Most items one envelope may hold. SDKs send a handful (an event with its
 * attachments, a session, a client report); Relay bounds sessions at 100, and
 * so do we for the whole envelope. Parsing stops past it, so an envelope of
 * 10,000 tiny items is refused after its 101st item header, in microseconds.
 */
export const MAX_ENVELOPE_ITEMS = 100;

const NEWLINE = 0x0a;
const decoder = new TextDecoder();

function parseHeader(bytes: Uint8Array, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new ClientError(400, `invalid envelope: ${what} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ClientError(400, `invalid envelope: ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** End of the line starting at `start`: the index of its newline, or the end of the body. */
function lineEnd(body: Uint8Array, start: number): number {
  const index = body.indexOf(NEWLINE, start);
  return index === -1 ? body.length : index;
}

/**
 * Splits an envelope as the spec says: a header line, then items, each a
 * header line and a payload of `length` bytes, or up to the next newline when
 * the header gives no length. The trailing newline is optional.
 * See https://develop.sentry.dev/sdk/data-model/envelopes/
 */
export function parseEnvelope(body: Uint8Array): Envelope {
  const headerEnd = lineEnd(body, 0);
  if (headerEnd === 0) throw new ClientError(400, 'invalid envelope: empty body');
  const header = parseHeader(body.subarray(0, headerEnd), 'envelope header');
  const items: EnvelopeItem[] = [];
  let position = headerEnd + 1;
  while (position < body.length) {
    const itemHeaderEnd = lineEnd(body, position);
    if (itemHeaderEnd === position) {
      position += 1; // blank line between items: tolerated, as Relay does
      continue;
    }
    if (items.length === MAX_ENVELOPE_ITEMS) {
      throw new ClientError(413, `envelope holds more than ${MAX_ENVELOPE_ITEMS} items`);
    }
    const itemHeader = parseHeader(
      body.subarray(position, itemHeaderEnd),
      `item ${items.length} header`,
    );
    if (typeof itemHeader.type !== 'string' || itemHeader.type === '') {
      throw new ClientError(400, `invalid envelope: item ${items.length} has no type`);
    }
    const start = itemHeaderEnd + 1;
    let end: number;
    if (itemHeader.length === undefined || itemHeader.length === null) {
      end = start > body.length ? body.length : lineEnd(body, start);
    } else {
      const length = itemHeader.length;
      if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
        throw new ClientError(400, `invalid envelope: item ${items.length} has an invalid length`);
      }
      end = start + length;
      if (end > body.length) {
        throw new ClientError(
          400,
          `invalid envelope: item ${items.length} claims ${length} bytes but the body ends first`,
        );
      }
      if (end < body.length && body[end] !== NEWLINE) {
        throw new ClientError(
          400,
          `invalid envelope: item ${items.length} payload is longer than its length`,
        );
      }
    }
    items.push({
      header: itemHeader as EnvelopeItem['header'],
      payload: body.subarray(Math.min(start, body.length), end),
    });
    position = end + 1;
  }
  return { header, items };
}
