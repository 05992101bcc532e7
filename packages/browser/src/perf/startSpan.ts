import type { Span } from '../core/transactionTypes.js';
import { seconds } from './seconds.js';
import { active, addSpan } from './transactions.js';

/** What `startSpan` is told: the span's description and op (`function` if none). */
export interface SpanContext {
  name: string;
  op?: string;
}

// The span whose callback is running, so spans started inside it (sync) are its children.
let running: Span | undefined;

/**
 * Times `callback` as a span of the open transaction and returns what it
 * returns: for a promise, the span ends when it settles (the page gets the
 * same promise). A callback that throws ends its span with status
 * `internal_error` and the error goes on to the page, as without the SDK.
 * With no transaction open it only calls the callback.
 * @example const order = await startSpan({ name: 'load order', op: 'ui.load' }, () => fetchOrder(id));
 */
export const startSpan = <T>(context: SpanContext, callback: () => T): T => {
  let span: Span | undefined;
  try {
    span =
      active &&
      addSpan(
        active,
        context.op || 'function',
        context.name,
        seconds(),
        undefined,
        undefined,
        running,
      );
  } catch {
    // No span, the callback still runs.
  }
  const outer = running;
  const end = (failed?: unknown) => {
    if (span) {
      span.timestamp = seconds();
      if (failed) span.status = 'internal_error';
    }
  };
  running = span;
  try {
    const result = callback();
    if ((result as Promise<unknown>)?.then) {
      (result as Promise<unknown>).then(
        () => end(),
        () => end(1),
      );
    } else end();
    return result;
  } catch (error) {
    end(1);
    throw error;
  } finally {
    running = outer;
  }
};
