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
  /** The trace the event happened in (`contexts.trace.trace_id`), for the trace view. */
  traceId?: string | null;
  /** Tag values counted per issue: browser, os, url, release, environment, user, … */
  tags?: [string, string][];
  /**
   * Names this ingest: the batch's upsert of the event's issue takes the token of the
   * issue's first event in the batch (see store/IssueGroup.ts).
   */
  ingestToken: string;
}
