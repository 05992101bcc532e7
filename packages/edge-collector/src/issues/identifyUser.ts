import { sha256Sync } from '../lib/sha256Sync';
import type { SentryEvent } from '../protocol/SentryEvent';

const IP_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]+)$/i;

/**
 * Who an event happened to, for counting distinct users: `id:<user.id>` when
 * the SDK set one (`id:<salted hash>` with `hashId`, when the project scrubs
 * user ids), else `ip:<hash>`, a salted hash of the user's IP so the IP
 * itself is never stored: a literal `user.ip_address`, else the connection's
 * IP when the sender is the user (a browser event, or `{{auto}}`), not a
 * server reporting on someone's behalf. Null when neither is known. Runs
 * before enrichment and scrubbing drop the IP.
 */
export function identifyUser(
  event: SentryEvent,
  clientIp: string | undefined,
  salt: string,
  hashId = false,
): string | null {
  const user = typeof event.user === 'object' && event.user !== null ? event.user : {};
  const id = (user as Record<string, unknown>).id;
  if ((typeof id === 'string' && id) || typeof id === 'number') {
    return hashId ? `id:${sha256Sync(`${salt}\u0000id:${id}`).slice(0, 16)}` : `id:${id}`;
  }
  const sent = (user as Record<string, unknown>).ip_address;
  const senderIsUser = sent === '{{auto}}' || event.platform === 'javascript';
  const ip =
    typeof sent === 'string' && IP_ADDRESS.test(sent) ? sent : senderIsUser ? clientIp : undefined;
  return ip ? `ip:${sha256Sync(`${salt}\u0000${ip.toLowerCase()}`).slice(0, 16)}` : null;
}
