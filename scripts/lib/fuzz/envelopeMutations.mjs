// Envelope structure: items duplicated, dropped, retyped, lengths lied about, thousands of
// items, broken headers; and the envelope written out as the spec lays it.
import { oddValue, stringifyWithNonFinite } from './jsonMutations.mjs';

const encoder = new TextEncoder();

const ITEM_TYPES = [
  'event',
  'transaction',
  'security',
  'raw_security',
  'session',
  'sessions',
  'attachment',
  'client_report',
  'span',
  'check_in',
  'profile',
  'replay_event',
  'replay_recording',
  'user_report',
  'feedback',
  'log',
  'nel',
  '',
  'EVENT',
  'from_the_future',
];

/**
 * Mutates an envelope `{header, items: [[itemHeader, payload]], lineEnd?}` in place and
 * names what it did. `publicKey` goes into a `dsn` header for the auth-by-envelope case.
 */
export function mutateEnvelope(random, envelope, { publicKey, projectId }) {
  const { items } = envelope;
  const index = items.length > 0 ? random.int(items.length) : 0;
  const item = items[index];
  switch (random.int(12)) {
    case 0:
      if (item) items.push(structuredClone(item));
      return 'structure: duplicate an item';
    case 1:
      items.splice(index, 1);
      return 'structure: drop an item';
    case 2:
      items.reverse();
      return 'structure: reverse the items';
    case 3: {
      const type = random.pick(ITEM_TYPES);
      if (item) item[0] = { ...item[0], type };
      return `structure: item type ${JSON.stringify(type)}`;
    }
    case 4: {
      const length = random.pick([-1, 0, 1, 'auto+1', 'auto-1', 1e9, 1.5, '12', null, 2 ** 53]);
      if (item) item[0] = { ...item[0], length };
      return `structure: length ${length}`;
    }
    case 5: {
      const count = random.pick([50, 99, 100, 101, 1000, 10_000]);
      const type = random.pick(['event', 'session', 'attachment', 'from_the_future']);
      for (let n = 0; n < count; n += 1) items.push([{ type }, {}]);
      return `structure: ${count} more ${type} items`;
    }
    case 6: {
      const header = random.pick([
        [],
        'x',
        null,
        { dsn: `http://${publicKey}@collector.test/${projectId}` },
        { dsn: `http://${'e'.repeat(32)}@collector.test/${projectId}` },
        { dsn: '::' },
        { event_id: oddValue(random) },
        { sent_at: oddValue(random), sdk: oddValue(random), trace: oddValue(random) },
      ]);
      envelope.header = header;
      return `structure: envelope header ${JSON.stringify(header)?.slice(0, 60)}`;
    }
    case 7: {
      const field = random.pick([
        'item_count',
        'content_type',
        'filename',
        'attachment_type',
        'type',
      ]);
      if (item) item[0] = { ...item[0], [field]: oddValue(random) };
      return `structure: item header ${field}`;
    }
    case 8:
      if (item)
        item[1] = random.pick(['', 'not json', '{"unterminated": ', '[]', 'null', '"text"', '{}']);
      return 'structure: payload not an object';
    case 9:
      envelope.lineEnd = random.pick(['\r\n', '\n\n', '']);
      return `structure: line end ${JSON.stringify(envelope.lineEnd)}`;
    case 10:
      envelope.noTrailingNewline = true;
      return 'structure: no trailing newline';
    default:
      if (item) items.splice(index, 0, [{ type: 'event', length: 'auto' }, item[1]]);
      return 'structure: an extra event item before';
  }
}

function payloadBytes(payload) {
  if (payload instanceof Uint8Array) return payload;
  return encoder.encode(typeof payload === 'string' ? payload : stringifyWithNonFinite(payload));
}

/** The envelope as bytes: header line, then per item a header line and its payload. */
export function serializeEnvelope(envelope) {
  const lineEnd = envelope.lineEnd ?? '\n';
  const parts = [encoder.encode(JSON.stringify(envelope.header) ?? 'null')];
  for (const [header, payload] of envelope.items) {
    const bytes = payloadBytes(payload);
    const itemHeader = { ...header };
    if (itemHeader.length === 'auto') itemHeader.length = bytes.length;
    else if (itemHeader.length === 'auto+1') itemHeader.length = bytes.length + 1;
    else if (itemHeader.length === 'auto-1') itemHeader.length = bytes.length - 1;
    parts.push(
      encoder.encode(lineEnd),
      encoder.encode(JSON.stringify(itemHeader)),
      encoder.encode(lineEnd),
      bytes,
    );
  }
  if (!envelope.noTrailingNewline) parts.push(encoder.encode(lineEnd));
  const body = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.length;
  }
  return body;
}
