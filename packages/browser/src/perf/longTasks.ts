import type { TransactionEvent } from '../core/transactionTypes.js';
import { seconds } from './seconds.js';
import { addSpan } from './transactions.js';

// The newest 50 seen: a page that janks for minutes holds no more.
const entries: PerformanceEntry[] = [];

/**
 * Records the main thread's long tasks from navigation start on (buffered:
 * also those before the performance part arrived).
 */
export const observeLongTasks = () =>
  new PerformanceObserver((list) => {
    entries.splice(0, entries.push(...list.getEntries()) - 50);
  }).observe({ type: 'longtask', buffered: true });

/** The long tasks that began in the transaction, before `until` (epoch s), as `ui.long-task` spans. */
export const longTaskSpans = (transaction: TransactionEvent, until: number) => {
  for (const { startTime, duration } of entries) {
    const start = seconds(startTime);
    if (start >= transaction.start_timestamp && start < until)
      addSpan(
        transaction,
        'ui.long-task',
        'Main UI thread blocked',
        start,
        seconds(startTime + duration),
      );
  }
};
