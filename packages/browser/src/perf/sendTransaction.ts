import { envelopeUrl } from '../core/dsn.js';
import type { Options } from '../core/options.js';
import type { TransactionEvent } from '../core/transactionTypes.js';
import { SDK } from '../core/version.js';
import { uuid } from '../lib/uuid.js';

// Found before the performance part wraps `fetch`: its own posts are no spans.
const nativeFetch = fetch;

/**
 * The function that completes a finished transaction (id, release,
 * environment, SDK), passes it through `beforeSendTransaction` and posts it
 * as one envelope. `sendBeacon` first: transactions mostly go as the page is
 * hidden or left, which a beacon outlives; past its 64 KiB a keepalive fetch.
 */
export const transactionSender =
  (options: Options) =>
  (transaction: TransactionEvent): void => {
    const url = options.tunnel || (envelopeUrl(options.dsn) as string);
    const event_id = uuid();
    const event = (options.beforeSendTransaction || Object)({
      ...transaction,
      event_id,
      release: options.release,
      environment: options.environment,
      sdk: SDK,
    }) as TransactionEvent | null;
    if (event) {
      const body = `${JSON.stringify({ event_id, dsn: options.tunnel && options.dsn })}\n{"type":"transaction"}\n${JSON.stringify(event)}`;
      navigator.sendBeacon(url, body) ||
        nativeFetch(url, { method: 'POST', body, keepalive: true }).catch(Object);
    }
  };
