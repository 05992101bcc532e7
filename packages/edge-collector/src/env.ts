import type { ProjectRateLimiter } from './ratelimit/ProjectRateLimiter';
import type { IngestMessage } from './types/IngestMessage';

/** Bindings and variables the collector Worker runs with (see wrangler.toml). */
export interface Env {
  /** The first D1 database: global tables, the project routing table, default home of projects. */
  DB: D1Database;
  /** More D1 databases for project data, optional (see src/databases/ and the README). */
  [binding: `DB_${number}`]: D1Database | undefined;
  /** The ingest queue: the edge sends admitted items, the `queue()` handler stores them. */
  QUEUE: Queue<IngestMessage>;
  /** One rate-limit counter per project (see ratelimit/ProjectRateLimiter.ts). */
  RATE_LIMITER: DurableObjectNamespace<ProjectRateLimiter>;
  ASSETS: Fetcher;
  /** Artifact bundles and prepared source maps (see src/sourcemaps/). */
  SOURCEMAPS: R2Bucket;
  /** Bearer token for the admin and read API; a `wrangler secret`, or `.dev.vars` locally. */
  FAULTLINE_ADMIN_TOKEN?: string;
  /** `local` relaxes rules meant for the public internet (http webhook targets on loopback). */
  FAULTLINE_MODE?: string;
  /** Origin of the dashboard for links in alerts; by default, the one webhooks were added through. */
  FAULTLINE_PUBLIC_URL?: string;
  /** Seconds before the first retry of a failed alert delivery (30); tests shorten it. */
  FAULTLINE_ALERT_RETRY_BASE_SECONDS?: string;
  /** Sends e-mail alerts (`[[send_email]]` in wrangler.toml; `wrangler dev` simulates it). */
  EMAIL?: SendEmail;
  /** The sender of e-mail alerts: an address on a domain with Cloudflare Email Routing. */
  FAULTLINE_EMAIL_FROM?: string;
  /** D1 bindings new projects may be placed on (`DB_2,DB_3`); by default, every binding. */
  FAULTLINE_NEW_PROJECT_DATABASES?: string;
}
