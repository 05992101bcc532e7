import type { SentryEvent } from '../protocol/SentryEvent';

const LOCAL_IPS = new Set(['127.0.0.1', '::1']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** True for events from a developer's own machine: a local user IP or page URL. */
export function isLocalhostEvent(event: SentryEvent): boolean {
  const user = event.user as { ip_address?: unknown } | undefined;
  if (typeof user?.ip_address === 'string' && LOCAL_IPS.has(user.ip_address)) return true;
  const host = hostOf(event.request?.url);
  return host !== undefined && (LOCAL_HOSTS.has(host) || host.endsWith('.localhost'));
}
