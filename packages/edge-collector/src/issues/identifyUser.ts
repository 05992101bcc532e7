import { sha256Sync } from '../lib/sha256Sync';
import type { SentryEvent } from '../protocol/SentryEvent';

const IP_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]+)$/i;

/**
 * Who an event happened to, for counting distinct users: `id:<user.id>` when
 * the SDK set one, else `ip:<hash>`, a salted hash of the client's IP (the
 * connection's, else a literal `user.ip_address`), so the IP itself is never
 * stored. Null when neither is known. Runs before scrubbing removes the IP.
 */
export function identifyUser(
  event: SentryEvent,
  clientIp: string | undefined,
  salt: string,
): string | null {
  const user = typeof event.user === 'object' && event.user !== null ? event.user : {};
  const id = (user as Record<string, unknown>).id;
  if ((typeof id === 'string' && id) || typeof id === 'number') return `id:${id}`;
  const sent = (user as Record<string, unknown>).ip_address;
  const ip = clientIp || (typeof sent === 'string' && IP_ADDRESS.test(sent) ? sent : undefined);
  return ip ? `ip:${sha256Sync(`${salt}\u0000${ip.toLowerCase()}`).slice(0, 16)}` : null;
}
