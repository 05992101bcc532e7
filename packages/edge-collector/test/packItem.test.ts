import { describe, expect, it } from 'vitest';
import { normalizeEvent } from '../src/ingest/normalizeEvent';
import { MAX_QUEUED_ITEM_BYTES, packItem, unpackItem } from '../src/ingest/packItem';
import type { ReadyItem } from '../src/types/IngestMessage';

/** Text that does not compress: a seeded xorshift, so every run sees the same bytes. */
function noise(length: number, seed = 7): string {
  let state = seed;
  let text = '';
  while (text.length < length) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    text += (state >>> 0).toString(36);
  }
  return text.slice(0, length);
}

function item(extra: Record<string, unknown>): ReadyItem {
  const event = normalizeEvent({ event_id: 'c'.repeat(32), message: 'big', ...extra }, Date.now());
  return { kind: 'event', category: 'error', event };
}

describe('packItem', () => {
  it('sends a small event as it is', async () => {
    const small = item({});
    expect(await packItem(small)).toBe(small);
  });

  it('compresses a large event that compresses well, and unpacks it unchanged', async () => {
    const large = item({ extra: { log: 'all work and no play '.repeat(20_000) } });
    const packed = await packItem(large);
    expect(packed.kind).toBe('packed');
    expect(JSON.stringify(packed).length).toBeLessThan(MAX_QUEUED_ITEM_BYTES);
    expect(await unpackItem(packed)).toEqual(large);
  });

  it('trims a large event that does not compress until it fits, noting what was cut', async () => {
    const crumbs = Array.from({ length: 100 }, (_, i) => ({ message: noise(3000, i + 1) }));
    const packed = await packItem(item({ breadcrumbs: { values: crumbs } }));
    expect(JSON.stringify(packed).length).toBeLessThan(MAX_QUEUED_ITEM_BYTES + 200);
    const unpacked = (await unpackItem(packed)) as { event: Record<string, unknown> };
    expect(unpacked.event.trimmed).toMatchObject({ breadcrumbs: expect.any(Number) });
    expect(unpacked.event.message).toBe('big');
  });
});
