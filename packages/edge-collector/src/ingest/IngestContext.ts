import type { Env } from '../env';
import { OutcomeTally } from '../outcomes/OutcomeTally';
import type { ProjectSettings } from '../projects/ProjectSettings';
import type { KeyRecord } from '../store/projects';
import type { QueuedItem } from '../types/IngestMessage';

/** One authenticated ingestion request: where it goes and what it tells about its sender. */
export interface IngestContext {
  env: Env;
  projectId: number;
  settings: ProjectSettings;
  /** The project's secret salt (hashed IPs and scrubbed values). */
  salt: string;
  receivedAt: number;
  /** `CF-Connecting-IP`: Cloudflare's view of the sender, never a client-set header. */
  clientIp?: string;
  userAgent?: string;
  country?: string;
  outcomes: OutcomeTally;
  /** Items admitted so far, sent to the queue when the request ends (see `enqueueIngest`). */
  queued: QueuedItem[];
}

export function createIngestContext(request: Request, env: Env, key: KeyRecord): IngestContext {
  const country = (request.cf as { country?: unknown } | undefined)?.country;
  return {
    env,
    projectId: key.projectId,
    settings: key.settings,
    salt: key.salt,
    receivedAt: Date.now(),
    clientIp: request.headers.get('CF-Connecting-IP') ?? undefined,
    userAgent: request.headers.get('User-Agent') ?? undefined,
    country: typeof country === 'string' ? country : undefined,
    outcomes: new OutcomeTally(),
    queued: [],
  };
}
