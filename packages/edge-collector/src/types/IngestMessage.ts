// What the edge (fetch handler) hands to the consumer (queue handler) through the
// Cloudflare Queue: plain data only, validated, filtered and rate-limited already.
import type { OutcomeCount } from '../outcomes/OutcomeTally';
import type { ProjectSettings } from '../projects/ProjectSettings';
import type { SentryEvent } from '../protocol/SentryEvent';

/** An event or transaction admitted at the edge, waiting for the consumer's stages. */
export type ReadyItem =
  | { kind: 'event'; category: string; event: SentryEvent }
  | {
      kind: 'transaction';
      event: SentryEvent;
      /** Seconds, read from the raw item at the edge (see `transactionTimes`). */
      times: { start: number; end: number };
    };

/**
 * A `ReadyItem` too large for a queue message (128 KB) as JSON: gzip-compressed, and
 * trimmed as for storage when even that is too large (see `packItem`).
 */
export interface PackedItem {
  kind: 'packed';
  eventId: string;
  category: string;
  /** The `ReadyItem` as gzip-compressed JSON, base64 (messages are JSON). */
  gzip: string;
}

export type QueuedItem = ReadyItem | PackedItem;

/** What the consumer needs to know about the request that sent an item. */
export interface SenderFacts {
  projectId: number;
  receivedAt: number;
  settings: ProjectSettings;
  /** The project's secret salt (hashed IPs and scrubbed values). */
  salt: string;
  /** `CF-Connecting-IP`: Cloudflare's view of the sender, never a client-set header. */
  clientIp?: string;
  userAgent?: string;
  country?: string;
}

/** One queue message: at most one item, and the outcome counts of its request so far. */
export interface IngestMessage {
  /**
   * Names the message for idempotency: the item's event id, or a random id for a
   * message of outcome counts alone. A redelivered message with a key already
   * stored for the project counts nothing again (`ingest_receipts`).
   */
  key: string;
  sender: SenderFacts;
  item?: QueuedItem;
  outcomes: OutcomeCount[];
}
