/** An event ready for storage: processed, scrubbed and fingerprinted. */
export interface EventRecord {
  projectId: number;
  eventId: string;
  fingerprint: string;
  title: string;
  culprit: string;
  level: string;
  platform: string;
  receivedAt: number;
  occurredAt: number;
  /** The event as JSON; stored gzip-compressed. */
  payload: string;
  release?: string | null;
  /** Who it happened to: `id:<user.id>` or `ip:<salted hash>`; never an IP. */
  userKey?: string | null;
  /** Tag values counted per issue: browser, os, url, release, environment, user, … */
  tags?: [string, string][];
  /**
   * Names this ingest: after the issue upsert, `issues.ingest_token = ingestToken`
   * holds exactly when this call counted the event (see store/eventStatements.ts).
   */
  ingestToken: string;
}
