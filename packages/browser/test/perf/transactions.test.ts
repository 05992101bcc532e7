import { describe, expect, it } from 'vitest';
import type { TransactionEvent } from '../../src/core/transactionTypes';
import { startSpan } from '../../src/perf/startSpan';
import {
  addSpan,
  configureTransactions,
  finishTransaction,
  setTransactionName,
  startTransaction,
} from '../../src/perf/transactions';

const start = () => {
  const sent: TransactionEvent[] = [];
  const contexts: Record<string, unknown> = {};
  configureTransactions(
    { dsn: 'https://k@h/1' },
    (event) => sent.push(event),
    (name, context) => {
      contexts[name] = context;
    },
  );
  return { sent, contexts, transaction: startTransaction('pageload', 1000) };
};

describe('transactions', () => {
  it('opens a transaction in a new trace named after the path, which errors carry', () => {
    const { transaction, contexts } = start();
    const trace = transaction.contexts.trace;
    expect(trace.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(trace.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(trace.op).toBe('pageload');
    expect(transaction.transaction).toBe(location.pathname);
    expect(transaction.transaction_info.source).toBe('url');
    expect(contexts.trace).toMatchObject({ trace_id: trace.trace_id, span_id: trace.span_id });
    expect(start().transaction.contexts.trace.trace_id).not.toBe(trace.trace_id);
  });

  it('sends finished spans only, and ends with the last of them', () => {
    const { transaction, sent } = start();
    const done = addSpan(transaction, 'resource.img', '/a.png', 1000.5, 1002);
    addSpan(transaction, 'http.client', 'GET /slow', 1001);
    finishTransaction(transaction);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.spans).toEqual([done]);
    expect(done.parent_span_id).toBe(transaction.contexts.trace.span_id);
    expect(done.trace_id).toBe(transaction.contexts.trace.trace_id);
    expect(sent[0]?.timestamp).toBe(1002);
  });

  it('keeps a name set by setTransactionName as custom', () => {
    const { transaction } = start();
    setTransactionName('/orders/:id');
    expect(transaction.transaction).toBe('/orders/:id');
    expect(transaction.transaction_info.source).toBe('custom');
  });
});

describe('startSpan', () => {
  it('returns the callback result and times it as a span of the open transaction', () => {
    const { transaction } = start();
    expect(startSpan({ name: 'render cart', op: 'ui.render' }, () => 42)).toBe(42);
    const span = transaction.spans[0];
    expect(span).toMatchObject({ op: 'ui.render', description: 'render cart' });
    expect(span?.timestamp).toBeGreaterThanOrEqual(span?.start_timestamp as number);
  });

  it('ends an async span when its promise settles, and marks a failure', async () => {
    const { transaction } = start();
    let resolve = (_: string) => {};
    const promise = startSpan({ name: 'load' }, () => new Promise<string>((r) => (resolve = r)));
    expect(transaction.spans[0]?.timestamp).toBeFalsy();
    resolve('order');
    expect(await promise).toBe('order');
    expect(transaction.spans[0]?.timestamp).toBeTruthy();
    expect(transaction.spans[0]?.op).toBe('function');
    expect(() =>
      startSpan({ name: 'boom' }, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(transaction.spans[1]?.status).toBe('internal_error');
  });

  it('only calls the callback when no transaction is open', () => {
    const { transaction } = start();
    finishTransaction(transaction);
    expect(startSpan({ name: 'x' }, () => 'ran')).toBe('ran');
    expect(transaction.spans).toHaveLength(0);
  });
});
