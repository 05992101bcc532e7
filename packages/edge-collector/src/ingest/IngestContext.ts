import type { Env } from '../env';
import { OutcomeTally } from '../outcomes/OutcomeTally';
import type { ProjectSettings } from '../projects/ProjectSettings';
import { artifactReaderFor } from '../sourcemaps/artifactReaderFor';
import { insertOutcomes } from '../store/outcomes';
import type { KeyRecord } from '../store/projects';
import type { ArtifactReader } from '../types/ArtifactReader';

/** One authenticated ingestion request: where it goes and what it tells about its sender. */
export interface IngestContext {
  env: Env;
  /** The request's execution context: alert deliveries continue after the answer. */
  ctx: ExecutionContext;
  db: D1Database;
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
  /** The project's uploaded source maps, for symbolication. */
  artifacts?: ArtifactReader;
}

export function createIngestContext(
  request: Request,
  env: Env,
  ctx: ExecutionContext,
  key: KeyRecord,
): IngestContext {
  const country = (request.cf as { country?: unknown } | undefined)?.country;
  return {
    env,
    ctx,
    db: env.DB,
    projectId: key.projectId,
    settings: key.settings,
    salt: key.salt,
    receivedAt: Date.now(),
    clientIp: request.headers.get('CF-Connecting-IP') ?? undefined,
    userAgent: request.headers.get('User-Agent') ?? undefined,
    country: typeof country === 'string' ? country : undefined,
    outcomes: new OutcomeTally(),
    artifacts: artifactReaderFor(env, key.projectId),
  };
}

/**
 * Writes the request's outcome counts. Runs when the request ends, even on a
 * 429; a failure here is logged, not turned into an answer to the client.
 */
export async function flushOutcomes(ingest: IngestContext): Promise<void> {
  try {
    await insertOutcomes(ingest.db, ingest.projectId, ingest.receivedAt, ingest.outcomes.drain());
  } catch (error) {
    console.error('could not count outcomes:', error);
  }
}
