import type { TransactionEvent } from '../core/transactionTypes.js';
import { seconds } from './seconds.js';
import { addSpan } from './transactions.js';

// The newest 50 seen: a page that janks for minutes holds no more.
const entries: PerformanceEntry[] = [];

/**
 * Records the main thread's long animation frames (Chrome 123+, which say
 * which frame was slow) or else its long tasks, from navigation start on
 * (buffered: also those before the performance part arrived).
 */
export const observeLongTasks = () => {
  const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')
    ? 'long-animation-frame'
    : 'longtask';
  new PerformanceObserver((list) => {
    entries.push(...list.getEntries());
    entries.splice(0, entries.length - 50);
  }).observe({ type, buffered: true });
};

/** The long tasks that began in the transaction, before `until` (epoch s), as `ui.long-task` spans. */
export const longTaskSpans = (transaction: TransactionEvent, until: number) => {
  for (const entry of entries) {
    const start = seconds(entry.startTime);
    if (start >= transaction.start_timestamp && start < until) {
      addSpan(
        transaction,
        'ui.long-task',
        'Main UI thread blocked',
        start,
        seconds(entry.startTime + entry.duration),
      );
    }
  }
};
