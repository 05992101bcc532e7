import type { LoadedMap } from './LoadedMap';

/**
 * Parsed maps kept for the isolate's lifetime, least recently used dropped first once
 * their bytes pass `maxBytes`. A Worker isolate has 128 MB; events of one release hit
 * the same few maps, so a small budget keeps most events warm.
 */
export class MapCache {
  private readonly entries = new Map<string, LoadedMap>();
  private total = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): LoadedMap | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Re-insert: a Map iterates in insertion order, so the first entry is the least recent.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, map: LoadedMap): void {
    if (map.bytes > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) this.total -= previous.bytes;
    this.entries.delete(key);
    this.entries.set(key, map);
    this.total += map.bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
  }

  get bytes(): number {
    return this.total;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}

/** The isolate's cache: 32 MiB of parsed maps. */
export const isolateMapCache = new MapCache(32 * 1024 * 1024);
