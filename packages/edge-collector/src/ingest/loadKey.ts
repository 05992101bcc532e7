import { type KeyRecord, selectKey } from '../store/projects';

/**
 * How long an isolate trusts its copy of a DSN key and its project's settings. Every
 * ingest request needs them and they change rarely, so the edge reads D1 for a key
 * at most once per `KEY_TTL_MS` per isolate (an unknown key too). The isolate that
 * changes a project forgets its copy at once (`forgetProjectKeys`); other isolates
 * see the change within `KEY_TTL_MS`.
 */
export const KEY_TTL_MS = 10_000;
const MAX_CACHED_KEYS = 5000;
const cache = new Map<string, { key: KeyRecord | null; expires: number }>();

/** The DSN key `publicKey` with its project's settings, from the isolate's cache or D1. */
export async function loadKey(db: D1Database, publicKey: string): Promise<KeyRecord | null> {
  const now = Date.now();
  const cached = cache.get(publicKey);
  if (cached && cached.expires > now) return cached.key;
  const key = await selectKey(db, publicKey);
  if (cache.size >= MAX_CACHED_KEYS) cache.clear();
  cache.set(publicKey, { key, expires: now + KEY_TTL_MS });
  return key;
}

/** Called after a project's settings or keys change in this isolate. */
export function forgetProjectKeys(projectId: number): void {
  for (const [publicKey, entry] of cache) {
    if (entry.key === null || entry.key.projectId === projectId) cache.delete(publicKey);
  }
}
