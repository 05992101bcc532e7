import type { TransactionEvent } from '../core/transactionTypes.js';
import { stripUrl } from '../lib/stripUrl.js';
import { seconds } from './seconds.js';
import { addSpan } from './transactions.js';

/**
 * The slowest 30 resources the page fetched before `until` (epoch s), as
 * `resource.<type>` spans (a stylesheet is `resource.css`) with their sizes
 * and whether they blocked rendering. Requests the page made itself are
 * `http.client` spans already (and the SDK's own posts are beacons or none
 * of the page's), and the performance part's own file (`own`) is no part
 * of the page.
 */
export const resourceSpans = (transaction: TransactionEvent, until: number, own?: string) => {
  for (const entry of (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter(
      ({ name, startTime, initiatorType }) =>
        seconds(startTime) < until &&
        // No other initiator type is a part of these words.
        !'fetch xmlhttprequest beacon'.includes(initiatorType) &&
        name !== own,
    )
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 30)) {
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
