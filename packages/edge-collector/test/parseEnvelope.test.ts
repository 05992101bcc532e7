import { describe, expect, it } from 'vitest';
import { ClientError } from '../src/http/ClientError';
import { parseEnvelope } from '../src/ingest/parseEnvelope';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (payload: Uint8Array) => new TextDecoder().decode(payload);

describe('parseEnvelope', () => {
  it('reads items with and without a length, with or without a trailing newline', () => {
    const body =
      '{"event_id":"x"}\n{"type":"attachment","length":5}\nab\ncd\n\n{"type":"event"}\n{"a":1}';
    const envelope = parseEnvelope(bytes(body));
    expect(envelope.header).toEqual({ event_id: 'x' });
    expect(envelope.items.map((item) => item.header.type)).toEqual(['attachment', 'event']);
    expect(text(envelope.items[0]?.payload ?? new Uint8Array())).toBe('ab\ncd');
    expect(text(envelope.items[1]?.payload ?? new Uint8Array())).toBe('{"a":1}');
  });

  it('counts length in bytes, not characters', () => {
    const payload = '{"m":"héllo ✓"}';
    const size = bytes(payload).length;
    const envelope = parseEnvelope(bytes(`{}\n{"type":"event","length":${size}}\n${payload}\n`));
    expect(text(envelope.items[0]?.payload ?? new Uint8Array())).toBe(payload);
  });

  it('accepts an envelope with only a header', () => {
    expect(parseEnvelope(bytes('{}\n')).items).toEqual([]);
    expect(parseEnvelope(bytes('{}')).items).toEqual([]);
  });

  it('accepts an empty last payload without a length', () => {
    const envelope = parseEnvelope(bytes('{}\n{"type":"client_report"}\n'));
    expect(envelope.items).toHaveLength(1);
    expect(envelope.items[0]?.payload.length).toBe(0);
  });

  it('rejects a payload longer than its declared length', () => {
    expect(() => parseEnvelope(bytes('{}\n{"type":"event","length":2}\n{}x\n'))).toThrow(
      ClientError,
    );
  });
});
