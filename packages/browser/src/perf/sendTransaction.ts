import type { TransactionEvent } from '../core/transactionTypes.js';
import { SDK } from '../core/version.js';
import { uuid } from '../lib/uuid.js';
import { perfOptions } from './transactions.js';

/**
 * The function that completes a finished transaction (id, release,
 * environment, SDK), passes it through `beforeSendTransaction` and posts it
 * to `url` (the core's envelope URL) as one envelope (its header has only
 * the DSN, for a tunnel: the event id is in the event, as the protocol allows) with `sendBeacon`:
 * transactions go as the page is hidden or left, which a beacon outlives,
 * and it is none of the page's fetches. Past a beacon's 64 KiB it is lost.
 */
export const transactionSender =
  (url: string) =>
  (transaction: TransactionEvent): void => {
    const { release, environment, tunnel, dsn, beforeSendTransaction } = perfOptions;
    const event_id = uuid();
    const event = (beforeSendTransaction || Object)({
      ...transaction,
      event_id,
      release,
      environment,
      sdk: SDK,
    }) as TransactionEvent | null;
    if (event)
      navigator.sendBeacon(
        url,
        `${JSON.stringify({ dsn: tunnel && dsn })}\n{"type":"transaction"}\n${JSON.stringify(event)}`,
      );
  };
