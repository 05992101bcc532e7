import { seconds } from './seconds.js';
import { active, addSpan } from './transactions.js';

/** What `startSpan` is told: the span's description and op (`function` if none). */
export interface SpanContext {
  name: string;
  op?: string;
}

/**
 * Times `callback` as a span of the open transaction (a child of its root, also
 * when started inside another span's callback) and returns what it
 * returns: for a promise, the span ends when it settles (the page gets the
 * same promise). A callback that throws ends its span with status
 * `internal_error` and the error goes on to the page, as without the SDK.
 * With no transaction open it only calls the callback.
 * @example const order = await startSpan({ name: 'load order', op: 'ui.load' }, () => fetchOrder(id));
 */
export const startSpan = <T>({ name, op }: SpanContext, callback: () => T): T => {
  const span = active && addSpan(active, op || 'function', name, seconds());
  const end = (failed?: unknown) => {
    if (span) {
      span.timestamp = seconds();
      if (failed) span.status = 'internal_error';
    }
  };
  try {
    const result = callback();
    (result as Promise<unknown>)?.then
      ? (result as Promise<unknown>).then(() => end(), end)
      : end();
    return result;
  } catch (error) {
    end(1);
    throw error;
  }
};
