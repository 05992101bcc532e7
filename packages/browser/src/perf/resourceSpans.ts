import type { TransactionEvent } from '../core/transactionTypes.js';
import { stripUrl } from '../lib/stripUrl.js';
import { seconds } from './seconds.js';
import { addSpan } from './transactions.js';

/**
 * The slowest 30 resources the page fetched before `until` (epoch s), as
 * `resource.<type>` spans (a stylesheet is `resource.css`) with their sizes
 * and whether they blocked rendering. Requests the page made itself are
 * `http.client` spans already, and the SDK's own files and posts (URLs
 * starting with one of `own`) are no part of the page.
 */
export const resourceSpans = (transaction: TransactionEvent, until: number, own: string[]) => {
  const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter(
      (entry) =>
        seconds(entry.startTime) < until &&
        !/^(fetch|xmlhttprequest|beacon)$/.test(entry.initiatorType) &&
        !own.some((url) => entry.name.startsWith(url)),
    )
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 30);
  for (const entry of entries) {
    const type = entry.initiatorType;
    addSpan(
      transaction,
      `resource.${type === 'link' && /\.css\b/.test(entry.name) ? 'css' : type}`,
      stripUrl(entry.name),
      seconds(entry.startTime),
      seconds(entry.responseEnd),
      {
        'http.response_transfer_size': entry.transferSize,
        'http.response_content_length': entry.encodedBodySize,
        'http.decoded_response_content_length': entry.decodedBodySize,
        'resource.render_blocking_status': (entry as { renderBlockingStatus?: string })
          .renderBlockingStatus,
      },
    );
  }
};
