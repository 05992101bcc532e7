import { eventUserAgent } from '../protocol/eventUserAgent';
import type { SentryEvent } from '../protocol/SentryEvent';
import { parseUserAgent } from './parseUserAgent';

/** What the delivering HTTP request tells about the sender. */
export interface DeliveryFacts {
  /** `CF-Connecting-IP`. */
  clientIp?: string;
  /** The request's `User-Agent`. */
  userAgent?: string;
  /** ISO country code from `request.cf.country`. */
  country?: string;
  /** The project's `storeClientIp` setting. */
  storeClientIp: boolean;
}

type Tags = Record<string, string>;
type Contexts = Record<string, Record<string, unknown>>;
type User = Record<string, unknown>;

/** Tags as an object: SDKs may send a list of `[key, value]` pairs instead. */
function tagsOf(event: SentryEvent): Tags {
  const tags: Tags = {};
  const entries = Array.isArray(event.tags) ? event.tags : Object.entries(event.tags ?? {});
  for (const entry of entries) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
    if (entry[1] !== undefined && entry[1] !== null) tags[entry[0]] = String(entry[1]);
  }
  return tags;
}

function label(part: { name: string; version?: string }): string {
  return part.version ? `${part.name} ${part.version}` : part.name;
}

/** Browser, OS and device contexts and tags from the user agent; what the SDK set wins. */
function addUserAgentDetails(userAgent: string, contexts: Contexts, tags: Tags): void {
  const { browser, os, device } = parseUserAgent(userAgent);
  if (browser) {
    contexts.browser ??= { ...browser };
    tags.browser ??= label(browser);
    tags['browser.name'] ??= browser.name;
  }
  if (os) {
    // A server SDK's `os` context describes the server: the visitor's goes to `client_os`.
    const key = contexts.os ? 'client_os' : 'os';
    contexts[key] ??= { ...os };
    tags[key] ??= label(os);
    tags[`${key}.name`] ??= os.name;
  }
  if (device) {
    contexts.device ??= { ...device };
    tags.device ??= device.model ?? device.family;
    tags['device.family'] ??= device.family;
  }
}

/**
 * The client IP policy: `{{auto}}` (the SDK asking the server to fill in the
 * sender's address) becomes `CF-Connecting-IP`; any address is kept only when
 * the project stores client IPs. The country comes from Cloudflare, and only
 * when the sender is the user (a browser, or `{{auto}}`).
 */
function applyIpPolicy(event: SentryEvent, user: User, tags: Tags, facts: DeliveryFacts): void {
  const senderIsUser = user.ip_address === '{{auto}}' || event.platform === 'javascript';
  if (user.ip_address === '{{auto}}') user.ip_address = facts.clientIp;
  if (!facts.storeClientIp || !user.ip_address) delete user.ip_address;
  const env = (event.request as { env?: Record<string, unknown> } | undefined)?.env;
  if (!facts.storeClientIp && env) delete env.REMOTE_ADDR;
  if (senderIsUser && facts.country && facts.country !== 'XX' && facts.country !== 'T1') {
    user.geo ??= { country_code: facts.country };
    tags['geo.country_code'] ??= facts.country;
  }
}

/** Adds what the collector knows beyond the SDK: UA details, the IP policy, the country. */
export function enrichEvent(event: SentryEvent, facts: DeliveryFacts): SentryEvent {
  const tags = tagsOf(event);
  const contexts = (
    event.contexts && typeof event.contexts === 'object' ? { ...event.contexts } : {}
  ) as Contexts;
  const user = (event.user && typeof event.user === 'object' ? { ...event.user } : {}) as User;
  const userAgent = eventUserAgent(event, facts.userAgent);
  if (userAgent) addUserAgentDetails(userAgent, contexts, tags);
  applyIpPolicy(event, user, tags, facts);
  const enriched: SentryEvent = { ...event, tags, contexts };
  if (Object.keys(user).length > 0) enriched.user = user;
  else delete enriched.user;
  return enriched;
}
