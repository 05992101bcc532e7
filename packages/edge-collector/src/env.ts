import type { ProjectRateLimiter } from './ratelimit/ProjectRateLimiter';
import type { IngestMessage } from './types/IngestMessage';

/** Bindings and variables the collector Worker runs with (see wrangler.toml). */
export interface Env {
  DB: D1Database;
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
}
