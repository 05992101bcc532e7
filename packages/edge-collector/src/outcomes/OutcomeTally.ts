/** What became of something a client sent; stored per project and minute. */
export type Outcome =
  | 'accepted'
  | 'filtered'
  | 'rate_limited'
  | 'invalid'
  | 'client_discarded'
  | 'received';

export interface OutcomeCount {
  outcome: Outcome;
  /** Sentry's data category: error, transaction, security, session, span, attachment… */
  category: string;
  /** Why: the filter's name, the client report's reason; '' when there is none. */
  reason: string;
  quantity: number;
}

/**
 * Counts outcomes while one request is handled; they reach D1 through the
 * ingest queue with the request's items (see `enqueueIngest`), never one write
 * per item.
 */
export class OutcomeTally {
  private readonly counts = new Map<string, OutcomeCount>();

  add(outcome: Outcome, category: string, reason = '', quantity = 1): void {
    if (!(quantity > 0)) return;
    const key = `${outcome}\n${category}\n${reason}`;
    const existing = this.counts.get(key);
    if (existing) existing.quantity += quantity;
    else this.counts.set(key, { outcome, category, reason, quantity });
  }

  /** Takes the counts so far and starts again from zero. */
  drain(): OutcomeCount[] {
    const entries = [...this.counts.values()];
    this.counts.clear();
    return entries;
  }
}
